import envPaths from 'env-paths';

/** Where the store keeps its files: settings.toml in `configDir`, the database in `dataDir`. */
export interface StoreHome {
  configDir: string;
  dataDir: string;
}

/**
 * The store's folders for an environment. Apps call it with `process.env` (libraries never read
 * it themselves): `$OLLAMAMON_HOME` holds everything when set; otherwise the platform's config
 * and data folders (env-paths: `~/.config/ollamamon` and `~/.local/share/ollamamon` on Linux).
 *
 * @example
 * const store = openStore({ home: defaultHome(process.env) });
 */
export function defaultHome(env: Readonly<Record<string, string | undefined>>): StoreHome {
  const home = env.OLLAMAMON_HOME;
  if (home !== undefined && home !== '') return { configDir: home, dataDir: home };
  const paths = envPaths('ollamamon', { suffix: '' });
  return { configDir: paths.config, dataDir: paths.data };
}
