import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appEnv, assertBuilt, runCli, temporaryHome } from './e2e-setup.js';

/** The non-interactive subcommands of the built CLI, for scripts: tables, --json, exit statuses. */
describe('ollamamon subcommands (e2e)', () => {
  let simulator: Simulator;
  const home = temporaryHome();
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli([...args, '--host', simulator.url], env);
  const readOnlyRuns: Record<string, string[]> = {
    ls: ['ls', '--sort', 'size', '--filter', 'llama|qwen'],
    lsJson: ['ls', '--json', '--filter', 'cap:vision|embedding'],
    ps: ['ps'],
    psJson: ['ps', '--json'],
    hosts: ['hosts', '--json'],
  };
  const runs = new Map<string, ReturnType<typeof runCli>>();
  const ran = (key: string) => runs.get(key) as ReturnType<typeof runCli>;

  beforeAll(async () => {
    assertBuilt();
    simulator = await startSimulator({
      models: ['llama3.2:1b', 'qwen3:0.6b', 'llava:7b', 'nomic-embed-text:latest'],
      loaded: ['qwen3:0.6b'],
      loadDelayMs: 0,
    });
    env = appEnv(home.path);
    // The read-only runs start together (each is a separate process), before anything changes.
    for (const [key, args] of Object.entries(readOnlyRuns)) runs.set(key, cli(...args));
  });

  afterAll(async () => {
    await simulator?.close();
    home.remove();
  });

  it('ls lists models as a table, sorted and filtered like the TUI', async () => {
    const result = await ran('ls');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+ID\s+SIZE\s+PARAMS\s+QUANT\s+FAMILY\s+MODIFIED\s+LOADED/u);
    expect(lines.slice(1).map((line) => line.split(/\s+/u)[0])).toEqual([
      'llava:7b',
      'llama3.2:1b',
      'qwen3:0.6b',
    ]);
    expect(lines.find((line) => line.startsWith('qwen3:0.6b'))).toContain('GPU');
  });

  it('ls --json gives rows with capabilities; a capability filter uses them', async () => {
    const result = await ran('lsJson');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as {
      name: string;
      capabilities: string[];
      sizeBytes: number;
    }[];
    expect(rows.map((row) => row.name)).toEqual(['llava:7b', 'nomic-embed-text:latest']);
    expect(rows[0]?.capabilities).toContain('vision');
    expect(rows[1]?.sizeBytes).toBeGreaterThan(0);
  });

  it('ps shows loaded models with the processor split', async () => {
    const table = await ran('ps');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^NAME\s+ID\s+SIZE\s+PROCESSOR\s+CONTEXT\s+UNTIL/mu);
    expect(table.stdout).toMatch(/qwen3:0\.6b.*100% GPU/u);
    const json = JSON.parse((await ran('psJson')).stdout) as { name: string }[];
    expect(json.map((model) => model.name)).toEqual(['qwen3:0.6b']);
  });

  it('pull fetches several models and reports each; a bad name fails with exit 1', async () => {
    const result = await cli('pull', 'gemma3:1b', 'no-such-model:9b', '--json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { model: string; status: string; error?: string }[];
    expect(report[0]).toEqual({ model: 'gemma3:1b', status: 'success' });
    expect(report[1]?.status).toBe('failed');
    expect(report[1]?.error).toBeTruthy();
    expect(simulator.installed()).toContain('gemma3:1b');
  });

  it('rm deletes models; a missing one is named in the error and exits 1', async () => {
    const ok = await cli('rm', 'gemma3:1b');
    expect(ok).toMatchObject({ code: 0, stdout: 'deleted gemma3:1b\n' });
    expect(simulator.installed()).not.toContain('gemma3:1b');
    const missing = await cli('rm', 'gemma3:1b');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ollamamon rm gemma3:1b:');
    expect((await cli('rm')).code).toBe(2);
  });

  it('outdated compares local digests with the registry', async () => {
    simulator.registry.setDigest('llava:7b');
    const result = await cli('outdated', '--json', '--registry', simulator.url);
    expect(result.code).toBe(0);
    const checks = JSON.parse(result.stdout) as { name: string; status: string }[];
    expect(checks).toEqual([expect.objectContaining({ name: 'llava:7b', status: 'outdated' })]);
    const all = await cli('outdated', '--all', '--registry', simulator.url);
    expect(all.stdout).toMatch(/qwen3:0\.6b\s+up-to-date/u);
  });

  it('hosts reports health, latency and version of every host', async () => {
    const result = await ran('hosts');
    expect(result.code).toBe(0);
    const hosts = JSON.parse(result.stdout) as {
      url: string;
      up: boolean;
      active: boolean;
      version: string | null;
    }[];
    const active = hosts.find((host) => host.active);
    expect(active).toMatchObject({ url: simulator.url, up: true });
    expect(active?.version).toMatch(/^\d+\.\d+/u);
  });

  it('prints help and version, and refuses unknown flags with exit 2', async () => {
    const [help, version, bad, noHost, badHost, noProfile] = await Promise.all([
      runCli(['--help'], env),
      runCli(['--version'], env),
      runCli(['ls', '--colour'], env),
      runCli(['ls', '--host', '127.0.0.1:1'], env),
      runCli(['ps', '--host', 'http://[oops'], env),
      runCli(['ls', '--profile', 'work'], env),
    ]);
    expect(badHost.code).toBe(2);
    expect(badHost.stderr).toContain('--host "http://[oops" is not a host address');
    expect(noProfile.code).toBe(2);
    expect(noProfile.stderr).toBe('ollamamon: No settings profile named "work" (have: default).\n');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--demo');
    expect(help.stdout).toContain('ollamamon outdated');
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/u);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown option --colour');
    expect(noHost.code).toBe(1);
    expect(noHost.stderr).toContain('http://127.0.0.1:1');
  });
});
