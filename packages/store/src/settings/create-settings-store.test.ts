import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsError } from '../errors/index.ts';
import { openStore } from '../open-store.ts';
import { useTempHomes } from '../test-support/temp-home.ts';

const tempHome = useTempHomes();

const goodSettings = `# my settings
version = 1
activeProfile = "home"

[[profiles.home.hosts]]
name = "laptop"
url = "http://127.0.0.1:11434"

[[profiles.home.hosts]]
name = "gpu-box"
url = "http://10.0.0.5:11434"
headers = { Authorization = "Bearer secret" }
priority = 2
tags = ["gpu"]

[profiles.home.requestDefaults]
keep_alive = "10m"

[profiles.home.requestDefaults.options]
num_ctx = 8192
temperature = 0.7
mirostat = 1

[profiles.home.ui]
theme = "dark"
keymap = { quit = "ctrl+q" }
`;

describe('settings', () => {
  it('creates settings.toml with defaults (mode 0600) when there is none', () => {
    const home = tempHome();
    const store = openStore({ home });
    expect(store.settings.problem).toBeUndefined();
    expect(store.settings.current().hosts).toEqual([
      { name: 'local', url: 'http://127.0.0.1:11434' },
    ]);
    expect(statSync(store.settings.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(store.settings.file, 'utf8')).toContain('activeProfile = "default"');
    store.close();
  });

  it('reads a hand-written file, keeping unknown Ollama options', () => {
    const home = tempHome();
    writeFileSync(join(home, 'settings.toml'), goodSettings);
    const store = openStore({ home });
    expect(store.settings.problem).toBeUndefined();
    const profile = store.settings.current();
    expect(profile.hosts[1]).toEqual({
      name: 'gpu-box',
      url: 'http://10.0.0.5:11434',
      headers: { Authorization: 'Bearer secret' },
      priority: 2,
      tags: ['gpu'],
    });
    expect(profile.requestDefaults).toEqual({
      keep_alive: '10m',
      options: { num_ctx: 8192, temperature: 0.7, mirostat: 1 },
    });
    expect(profile.ui).toEqual({ theme: 'dark', keymap: { quit: 'ctrl+q' }, refreshIntervals: {} });
    store.close();
  });

  it('reports a wrong value with its key and line and keeps the last good settings', () => {
    const home = tempHome();
    writeFileSync(join(home, 'settings.toml'), goodSettings);
    const store = openStore({ home });
    const broken = goodSettings.replace('num_ctx = 8192', 'num_ctx = "big"');
    writeFileSync(store.settings.file, broken);

    const failure = (() => {
      try {
        store.settings.reload();
      } catch (error) {
        return error;
      }
    })() as SettingsError;
    expect(failure).toBeInstanceOf(SettingsError);
    expect(failure.key).toBe('profiles.home.requestDefaults.options.num_ctx');
    expect(failure.line).toBe(broken.split('\n').indexOf('num_ctx = "big"') + 1);
    expect(failure.line).toBe(20);
    expect(failure.message).toMatch(
      /settings\.toml line 20: profiles\.home\.requestDefaults\.options\.num_ctx: .*last good settings stay in use/,
    );
    expect(store.settings.problem).toBe(failure);
    expect(store.settings.current().requestDefaults.options?.num_ctx).toBe(8192);
    // The broken file is never overwritten by a save: the user's edit is not lost.
    expect(() => store.settings.update((profile) => profile)).toThrowError(SettingsError);
    expect(readFileSync(store.settings.file, 'utf8')).toBe(broken);
    store.close();
  });

  it('names the entry of an array of tables, and a syntax error by line and column', () => {
    const home = tempHome();
    const wrongHost = goodSettings.replace('priority = 2', 'priority = 2\nport = 11434');
    writeFileSync(join(home, 'settings.toml'), wrongHost);
    const store = openStore({ home });
    expect(store.settings.problem).toMatchObject({
      key: 'profiles.home.hosts[1].port',
      line: 14,
    });
    // Opened with a bad file and no earlier good one: defaults are used, nothing is written.
    expect(store.settings.current().hosts[0]?.name).toBe('local');
    expect(readFileSync(store.settings.file, 'utf8')).toBe(wrongHost);
    store.close();

    writeFileSync(join(home, 'settings.toml'), 'version = 1\nactiveProfile = "home\n');
    const again = openStore({ home });
    expect(again.settings.problem).toMatchObject({ line: 2, key: '' });
    expect(again.settings.problem?.message).toMatch(/settings\.toml line 2: not valid TOML/);
    again.close();
  });

  it('after a bad edit, a restart keeps the last good settings, not defaults', () => {
    const home = tempHome();
    writeFileSync(join(home, 'settings.toml'), goodSettings);
    openStore({ home }).close();
    writeFileSync(join(home, 'settings.toml'), goodSettings.replace('theme = "dark"', 'theme = 3'));
    const store = openStore({ home });
    expect(store.settings.problem?.key).toBe('profiles.home.ui.theme');
    expect(store.settings.current().ui.theme).toBe('dark');
    expect(store.settings.current().hosts).toHaveLength(2);
    store.close();
  });

  it('saves changes atomically, picking up edits made meanwhile', () => {
    const home = tempHome();
    const store = openStore({ home });
    writeFileSync(
      store.settings.file,
      readFileSync(store.settings.file, 'utf8').replace('theme = "auto"', 'theme = "light"'),
    );
    store.settings.update((profile) => ({
      ...profile,
      requestDefaults: { options: { num_ctx: 4096 } },
    }));
    const reread = openStore({ home });
    expect(reread.settings.current().ui.theme).toBe('light');
    expect(reread.settings.current().requestDefaults.options?.num_ctx).toBe(4096);
    expect(readdirSync(home).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(statSync(store.settings.file).mode & 0o777).toBe(0o600);
    expect(() =>
      store.settings.update((profile) => ({ ...profile, hosts: [{ name: '', url: 'x' }] })),
    ).toThrowError(/hosts\[0\]\.name/);
    store.close();
    reread.close();
  });

  it('switches, exports and imports named profiles', () => {
    const store = openStore({ home: tempHome() });
    store.settings.createProfile('work', {
      profile: { hosts: [{ name: 'office', url: 'http://office:11434' }] },
    });
    expect(store.settings.profiles()).toEqual(['default', 'work']);
    store.settings.switchProfile('work');
    expect(store.settings.activeProfile).toBe('work');
    expect(store.settings.current().hosts[0]?.name).toBe('office');
    expect(() => store.settings.switchProfile('nope')).toThrowError(/No profile "nope"/);
    expect(() => store.settings.deleteProfile('work')).toThrowError(/active profile/);

    const exported = store.settings.exportProfile('work');
    expect(exported).toContain('profileName = "work"');
    const other = openStore({ home: tempHome() });
    expect(other.settings.importProfile(exported)).toBe('work');
    expect(other.settings.document().profiles.work).toEqual(store.settings.current());
    expect(() => other.settings.importProfile(exported)).toThrowError(/already exists/);
    expect(other.settings.importProfile(exported, { name: 'work-copy' })).toBe('work-copy');
    expect(() => other.settings.importProfile('profileName = "x"\nhosts = 3\n')).toThrowError(
      /profile line 2: hosts/,
    );
    store.settings.switchProfile('default');
    store.settings.deleteProfile('work');
    expect(store.settings.profiles()).toEqual(['default']);
    store.close();
    other.close();
  });
});
