import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file or folder in src/__fixtures__. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(name, import.meta.url));
}

/** Copies a fixture folder (e.g. `proc`) into a fresh temp dir, so a test can change files between samples. */
export async function copyFixtureTree(name: string): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'ollamamon-monitor-'));
  await cp(fixturePath(name), directory, { recursive: true });
  return directory;
}

/** The stand-in nvidia-smi: `[node, fake-nvidia-smi.mjs, ...scenario]`. */
export function fakeNvidiaSmi(...scenario: string[]): string[] {
  return [process.execPath, fixturePath('fake-nvidia-smi.mjs'), ...scenario];
}
