// `pnpm test`: format + lint check, then build, type-check and test every package through turbo,
// then check the built packages with publint, then one plain closing line counted from the
// packages' vitest JSON reports:
//   N passed, N failed, N skipped
// Exits non-zero when any step failed or when no test ran.
import { spawnSync } from 'node:child_process';
import { globSync, readFileSync, rmSync } from 'node:fs';

const reports = '{packages,apps}/*/.vitest-report.json';
for (const file of globSync(reports)) rmSync(file);

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

const failures = [];
if (run('pnpm', ['exec', 'biome', 'ci', '.']) !== 0) failures.push('format/lint (biome ci)');
const turboArgs = [
  'exec',
  'turbo',
  'run',
  'build',
  'typecheck',
  'test',
  '--continue',
  '--output-logs=errors-only',
];
if (run('pnpm', [...turboArgs, ...process.argv.slice(2)]) !== 0)
  failures.push('build/typecheck/test (turbo)');
// What users install: every built package checked as it would be published (exports, types, files).
const publishable = ['./packages/*', './apps/*'].flatMap((pattern) => ['--filter', pattern]);
if (run('pnpm', ['--recursive', ...publishable, 'exec', 'publint', '--strict']) !== 0) {
  failures.push('package check (publint)');
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of globSync(reports)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
}
if (failures.length > 0) console.error(`failed: ${failures.join(', ')}`);
if (passed + failed === 0) console.error('no tests ran');
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failures.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
