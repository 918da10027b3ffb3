declare const __PACKAGE_VERSION__: string | undefined;

/** The version of @ollamamon/store, written into backups. `0.0.0-test` when run from source. */
export const packageVersion: string =
  typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-test';
