// node examples/backup-modelfiles.ts   (after `pnpm turbo run build --filter=@ollamamon/store...`)
// Starts the simulator, creates a custom model, and backs up the store together with the
// Modelfiles of the host's custom models; then restores the archive into a fresh store.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@ollamamon/client';
import { startSimulator } from '@ollamamon/simulator';
import { createBackupSchedule, openStore } from '@ollamamon/store';

const simulator = await startSimulator({ models: ['qwen3:0.6b'] });
const client = createClient({ host: simulator.url });
await client.create({ model: 'pirate', from: 'qwen3:0.6b', system: 'Answer like a pirate.' });

const store = openStore({ home: mkdtempSync(join(tmpdir(), 'ollamamon-example-')) });
const schedule = createBackupSchedule({
  store,
  folder: join(store.home.dataDir, 'nightly'),
  intervalMs: 24 * 3600_000,
  keepLast: 7,
  modelfiles: [{ host: 'local', client }],
});
const backup = await schedule.runNow(); // the app would call schedule.start()
console.log(`wrote ${backup.file}`, backup.counts);

const fresh = openStore({ home: mkdtempSync(join(tmpdir(), 'ollamamon-example-')) });
const report = await fresh.restoreBackup(backup.file, { mode: 'replace' });
for (const { host, model, parentModel, modelfile } of report.modelfiles) {
  console.log(`--- ${host} ${model} (from ${parentModel})\n${modelfile}`);
}
store.close();
fresh.close();
await simulator.close();
