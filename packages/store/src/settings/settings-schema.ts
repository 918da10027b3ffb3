import { keepAliveSchema, optionsSchema, thinkSchema } from '@ollamamon/client/schemas';
import { z } from 'zod';

/** An Ollama host as a user names it; the same fields `createFleet({ hosts })` takes. */
export const hostSchema = z.strictObject({
  name: z.string().min(1),
  url: z.string().min(1),
  /** Extra request headers, e.g. `Authorization` for a proxy. Why settings.toml is mode 0600. */
  headers: z.record(z.string(), z.string()).optional(),
  priority: z.number().int().optional(),
  weight: z.number().positive().optional(),
  tags: z.array(z.string()).optional(),
});

/**
 * Defaults sent with every request. `options` are Ollama's model options, by Ollama's names
 * (num_ctx, num_gpu, temperature, top_p, seed, stop, …); schemas from @ollamamon/client: known
 * keys are type-checked, unknown ones pass through as Ollama ignores them.
 */
export const requestDefaultsSchema = z.strictObject({
  keep_alive: keepAliveSchema.optional(),
  think: thinkSchema.optional(),
  options: optionsSchema.optional(),
});

export const uiSchema = z.strictObject({
  theme: z.string().default('auto'),
  /** Action name → key, overriding the TUI's defaults. */
  keymap: z.record(z.string(), z.string()).default({}),
  refreshIntervals: z
    .strictObject({
      psMs: z.number().int().positive().optional(),
      monitorMs: z.number().int().positive().optional(),
      hostsMs: z.number().int().positive().optional(),
    })
    .default({}),
});

/** One named set of settings: hosts, request defaults and UI preferences. */
export const profileSchema = z.strictObject({
  hosts: z.array(hostSchema).default([]),
  requestDefaults: requestDefaultsSchema.default({}),
  ui: uiSchema.default({ theme: 'auto', keymap: {}, refreshIntervals: {} }),
});

export const settingsFileVersion = 1;

/** The whole settings.toml. */
export const settingsFileSchema = z
  .strictObject({
    version: z.literal(settingsFileVersion).default(settingsFileVersion),
    activeProfile: z.string().min(1).default('default'),
    profiles: z.record(z.string().min(1), profileSchema).default({}),
  })
  .superRefine((file, context) => {
    if (!(file.activeProfile in file.profiles) && Object.keys(file.profiles).length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['activeProfile'],
        message: `no profile named "${file.activeProfile}" (have: ${Object.keys(file.profiles).join(', ')})`,
      });
    }
  });

/** A profile on its own, as `settings.exportProfile()` writes it. */
export const profileFileSchema = z.strictObject({
  profileName: z.string().min(1),
  ...profileSchema.shape,
});

export type Host = z.infer<typeof hostSchema>;
export type RequestDefaults = z.infer<typeof requestDefaultsSchema>;
export type UiPreferences = z.infer<typeof uiSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
export type SettingsFile = z.infer<typeof settingsFileSchema>;

/** Settings when there is no file yet: one profile with the local Ollama. */
export function defaultSettings(): SettingsFile {
  return {
    version: settingsFileVersion,
    activeProfile: 'default',
    profiles: { default: defaultProfile() },
  };
}

export function defaultProfile(): Profile {
  return {
    hosts: [{ name: 'local', url: 'http://127.0.0.1:11434' }],
    requestDefaults: {},
    ui: { theme: 'auto', keymap: {}, refreshIntervals: {} },
  };
}
