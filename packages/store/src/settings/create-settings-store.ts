import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'smol-toml';
import { NotFoundError, SettingsError, StoreError } from '../errors/index.ts';
import { writeFileAtomic } from '../files/write-file-atomic.ts';
import { validate } from '../validate.ts';
import { parseSettingsText } from './parse-settings-text.ts';
import {
  defaultProfile,
  defaultSettings,
  type Profile,
  type ProfileInput,
  profileFileSchema,
  profileSchema,
  type SettingsFile,
  settingsFileSchema,
} from './settings-schema.ts';

/** Settings in one human-editable TOML file, with named profiles. */
export interface SettingsStore {
  /** Path of settings.toml. */
  readonly file: string;
  /** Name of the active profile. */
  readonly activeProfile: string;
  /**
   * Why the file on disk is not in use (syntax or schema error, with key and line), or undefined.
   * While set, the last good settings stay in use and writes are refused, so a half-edited file
   * is never overwritten.
   */
  readonly problem: SettingsError | undefined;
  /** The active profile (last good settings). */
  current(): Profile;
  /** The whole settings document (last good settings). */
  document(): SettingsFile;
  /** Re-read the file. On error: throws SettingsError, sets `problem`, keeps the last good settings. */
  reload(): SettingsFile;
  /**
   * Change a profile (default: the active one): re-reads the file so edits made meanwhile are kept,
   * applies `change`, validates, writes atomically.
   */
  update(change: (profile: Profile) => ProfileInput, options?: { profile?: string }): Profile;
  /** Profile names. */
  profiles(): string[];
  switchProfile(name: string): void;
  /** A new profile: a copy of `from` (default: the active one) or the given settings. */
  createProfile(name: string, options?: { from?: string; profile?: ProfileInput }): Profile;
  deleteProfile(name: string): void;
  /** One profile as TOML text, to share or keep. */
  exportProfile(name?: string): string;
  /** Add a profile from `exportProfile` text; returns its name. Refuses to overwrite unless asked. */
  importProfile(text: string, options?: { name?: string; overwrite?: boolean }): string;
  /** Replace the whole document (used by restore). */
  replaceDocument(document: SettingsFile): void;
}

const header = `# ollamamon settings. Edit freely: a mistake is reported with its line and the last good
# settings stay in use. Comments are not kept when ollamamon itself saves this file.
`;

/** Serialise a settings document as ollamamon writes it. */
export function formatSettings(document: SettingsFile): string {
  return `${header}\n${stringify(JSON.parse(JSON.stringify(document)))}\n`;
}

export function createSettingsStore(options: { configDir: string }): SettingsStore {
  const file = join(options.configDir, 'settings.toml');
  const lastGoodFile = join(dirname(file), '.settings.last-good.toml');
  let good: SettingsFile;
  let problem: SettingsError | undefined;

  const readDisk = (): SettingsFile => {
    const text = readFileSync(file, 'utf8');
    const parsed = parseSettingsText(text, settingsFileSchema, file);
    return normalise(parsed);
  };

  const remember = (document: SettingsFile) => {
    good = document;
    problem = undefined;
    const text = formatSettings(document);
    if (!existsSync(lastGoodFile) || readFileSync(lastGoodFile, 'utf8') !== text) {
      writeFileAtomic(lastGoodFile, text, { mode: 0o600 });
    }
  };

  const write = (document: SettingsFile) => {
    const checked = normalise(
      parseSettingsText(formatSettings(document), settingsFileSchema, file),
    );
    writeFileAtomic(file, formatSettings(checked), { mode: 0o600 });
    remember(checked);
  };

  /** Read the file fresh (refusing to touch an invalid one), change it, write it. */
  const mutate = (change: (document: SettingsFile) => SettingsFile) => {
    const onDisk = existsSync(file) ? readDisk() : defaultSettings();
    write(change(onDisk));
  };

  // Load at open: a missing file is created; an invalid one is reported, not replaced.
  if (!existsSync(file)) {
    good = defaultSettings();
    write(good);
  } else {
    try {
      good = readDisk();
      remember(good);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      problem = error;
      good = loadLastGood(lastGoodFile) ?? defaultSettings();
    }
  }

  const requireProfile = (document: SettingsFile, name: string): Profile => {
    const profile = document.profiles[name];
    if (profile === undefined) throw new NotFoundError({ kind: 'profile', id: name });
    return profile;
  };

  return {
    file,
    get activeProfile() {
      return good.activeProfile;
    },
    get problem() {
      return problem;
    },
    current: () => requireProfile(good, good.activeProfile),
    document: () => structuredClone(good),
    reload() {
      try {
        remember(readDisk());
      } catch (error) {
        if (error instanceof SettingsError) problem = error;
        throw error;
      }
      return structuredClone(good);
    },
    update(change, updateOptions = {}) {
      let updated: Profile | undefined;
      mutate((document) => {
        const name = updateOptions.profile ?? document.activeProfile;
        const next = validate(
          profileSchema,
          change(structuredClone(requireProfile(document, name))),
          `profile "${name}"`,
        );
        updated = next;
        return { ...document, profiles: { ...document.profiles, [name]: next } };
      });
      return structuredClone(updated!);
    },
    profiles: () => Object.keys(good.profiles),
    switchProfile(name) {
      mutate((document) => {
        requireProfile(document, name);
        return { ...document, activeProfile: name };
      });
    },
    createProfile(name, createOptions = {}) {
      let created: Profile | undefined;
      mutate((document) => {
        if (name in document.profiles) {
          throw new StoreError(`A profile named "${name}" already exists.`);
        }
        created =
          createOptions.profile === undefined
            ? structuredClone(
                requireProfile(document, createOptions.from ?? document.activeProfile),
              )
            : validate(profileSchema, createOptions.profile, `profile "${name}"`);
        return { ...document, profiles: { ...document.profiles, [name]: created } };
      });
      return structuredClone(created!);
    },
    deleteProfile(name) {
      mutate((document) => {
        requireProfile(document, name);
        if (document.activeProfile === name) {
          throw new StoreError(`"${name}" is the active profile; switch to another one first.`);
        }
        const { [name]: _removed, ...profiles } = document.profiles;
        return { ...document, profiles };
      });
    },
    exportProfile(name = good.activeProfile) {
      const profile = requireProfile(good, name);
      return `# ollamamon profile "${name}"\n${stringify(JSON.parse(JSON.stringify({ profileName: name, ...profile })))}\n`;
    },
    importProfile(text, importOptions = {}) {
      const { profileName, ...profile } = parseSettingsText(text, profileFileSchema, 'profile');
      const name = importOptions.name ?? profileName;
      mutate((document) => {
        if (name in document.profiles && !importOptions.overwrite) {
          throw new StoreError(
            `A profile named "${name}" already exists; import it under another name or pass overwrite: true.`,
          );
        }
        return { ...document, profiles: { ...document.profiles, [name]: profile } };
      });
      return name;
    },
    replaceDocument(document) {
      write(document);
    },
  };
}

/** An empty profiles table means "defaults": keep one usable profile. */
function normalise(document: SettingsFile): SettingsFile {
  if (Object.keys(document.profiles).length > 0) return document;
  return { ...document, profiles: { [document.activeProfile]: defaultProfile() } };
}

function loadLastGood(file: string): SettingsFile | undefined {
  try {
    return normalise(parseSettingsText(readFileSync(file, 'utf8'), settingsFileSchema, file));
  } catch {
    return undefined;
  }
}
