import { startSimulator } from '@ollamamon/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HostUnreachableError } from '../errors/host-unreachable-error';
import { ModelNotFoundError } from '../errors/model-not-found-error';
import { TimeoutError } from '../errors/timeout-error';
import { createFleet } from './create-fleet';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
const CHAT = 'qwen3:0.6b';
const messages = [{ role: 'user', content: 'Hi' }];
const quick = { tokenDelayMs: 0, loadDelayMs: 0, responseTokens: { min: 6, max: 6 } };

let a: Simulator;
let b: Simulator;
let c: Simulator;
let stalled: Simulator;

beforeAll(async () => {
  a = await startSimulator({ ...quick, models: [CHAT, 'gemma3:1b'], loaded: [CHAT] });
  b = await startSimulator({ ...quick, models: [CHAT, 'nomic-embed-text:latest'] });
  c = await startSimulator({ ...quick, models: ['llama3.2:1b'] });
  stalled = await startSimulator({ ...quick, models: [CHAT] });
});
afterEach(() => {
  for (const simulator of [a, b, c, stalled]) simulator.clearFaults();
});
afterAll(async () => {
  await Promise.all([a, b, c, stalled].map((simulator) => simulator.close()));
});

const fleetOf = (...hosts: Array<[string, Simulator, number?]>) =>
  createFleet({
    hosts: hosts.map(([name, simulator, priority]) => ({ name, url: simulator.url, priority })),
    probeTimeoutMs: 1000,
    client: { retry: false },
  });

describe('createFleet', () => {
  it('reports health in parallel; a stalled host is down and does not block the others', async () => {
    stalled.addFault({ stallAfterChunks: 0 });
    const fleet = fleetOf(['a', a], ['stalled', stalled], ['b', b]);
    const health = await fleet.health();
    expect(health.map((host) => [host.name, host.up])).toEqual([
      ['a', true],
      ['stalled', false],
      ['b', true],
    ]);
    expect(health[0]?.version).toBe('0.12.6');
    expect(TimeoutError.isInstance(health[1]?.error)).toBe(true);
    expect(health[1]?.error).toMatchObject({ timeoutMs: 1000 });
  });

  it('merges the inventory: installed, loaded, sizes and digests', async () => {
    const fleet = fleetOf(['a', a], ['b', b], ['c', c]);
    const inventory = await fleet.inventory();
    const chat = inventory.models.find((model) => model.name === CHAT);
    expect(chat?.installedOn).toEqual(['a', 'b']);
    expect(chat?.loadedOn).toEqual(['a']);
    expect(chat?.placements[0]?.vramBytes).toBeGreaterThan(0);
    expect(chat?.placements[0]?.sizeBytes).toBeGreaterThan(0);
    expect(chat?.digests).toHaveLength(1);
    expect(inventory.hosts.every((host) => host.up)).toBe(true);
    expect(inventory.models.map((model) => model.name)).toEqual(
      ['gemma3:1b', 'llama3.2:1b', 'nomic-embed-text:latest', CHAT].sort(),
    );
    expect(inventory.conflicts).toEqual([]);
  });

  it('flags the same name with different digests', async () => {
    const one = await startSimulator({ ...quick, models: [] });
    const two = await startSimulator({ ...quick, models: [] });
    await fetch(`${one.url}/api/pull`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gemma3:1b', stream: false }),
    });
    two.registry.setDigest('gemma3:1b');
    await fetch(`${two.url}/api/pull`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gemma3:1b', stream: false }),
    });
    const inventory = await fleetOf(['one', one], ['two', two]).inventory();
    expect(inventory.conflicts.map((model) => model.name)).toEqual(['gemma3:1b']);
    expect(inventory.conflicts[0]?.digests).toHaveLength(2);
    await Promise.all([one.close(), two.close()]);
  });

  it('routes to the host with the model loaded, then installed, and explains why', async () => {
    const fleet = fleetOf(['c', c, 9], ['b', b, 5], ['a', a]);
    await fleet.inventory();
    const decision = fleet.route(CHAT);
    expect(decision.host).toBe('a');
    expect(decision.candidates.map((candidate) => candidate.host)).toEqual(['a', 'b']);
    expect(decision.skipped.map((candidate) => candidate.host)).toEqual(['c']);
    expect(decision.explanation).toContain('a: has it loaded');
    expect(decision.explanation).toContain('skipped c (does not have the model)');
    const reply = await fleet.chat({ model: CHAT, messages });
    expect(reply.served).toEqual({ host: 'a', failedOver: [] });
    expect(reply.timings.evalCount).toBe(reply.eval_count);
  });

  it('fails over when the first host refuses the connection', async () => {
    a.addFault({ path: '/api/chat', refuse: true });
    const fleet = fleetOf(['a', a], ['b', b]);
    const reply = await fleet.chat({ model: CHAT, messages });
    expect(reply.served.host).toBe('b');
    expect(reply.served.failedOver.map((entry) => entry.host)).toEqual(['a']);
    expect(HostUnreachableError.isInstance(reply.served.failedOver[0]?.error)).toBe(true);
    expect(fleet.route(CHAT).skipped.map((candidate) => candidate.host)).toEqual(['a']);
  });

  it('fails over a stream when the first host drops the connection before the first chunk', async () => {
    a.addFault({ path: '/api/chat', dropAfterChunks: 0 });
    const fleet = fleetOf(['a', a], ['b', b]);
    const stream = await fleet.chat({ model: CHAT, messages, stream: true });
    expect(stream.served.host).toBe('b');
    let text = '';
    for await (const chunk of stream) text += chunk.message.content;
    expect(text.length).toBeGreaterThan(0);
    expect(fleet.inFlight()).toEqual({ a: 0, b: 0 });
  });

  it('routes around a dead host without waiting for it', async () => {
    stalled.addFault({ stallAfterChunks: 0 });
    const fleet = fleetOf(['stalled', stalled, 9], ['b', b]);
    const reply = await fleet.generate({ model: CHAT, prompt: 'Hi', think: false });
    expect(reply.served.host).toBe('b');
    expect(fleet.route(CHAT).skipped[0]).toMatchObject({ host: 'stalled', state: 'down' });
  });

  it('looks again before refusing when the only host with the model was down', async () => {
    b.addFault({ path: '/api/tags', refuse: true });
    const fleet = fleetOf(['b', b], ['c', c]);
    expect((await fleet.inventory()).hosts.find((host) => host.name === 'b')?.up).toBe(false);
    expect(fleet.route(CHAT).host).toBeUndefined();
    b.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, 550));
    const reply = await fleet.chat({ model: CHAT, messages });
    expect(reply.served.host).toBe('b');
  });

  it('embeds through the fleet and refuses a model no host has', async () => {
    const fleet = fleetOf(['a', a], ['b', b]);
    const response = await fleet.embed({ model: 'nomic-embed-text', input: 'x' });
    expect(response.served.host).toBe('b');
    const error = await fleet
      .chat({ model: 'nowhere', messages })
      .catch((caught: unknown) => caught);
    expect(ModelNotFoundError.isInstance(error)).toBe(true);
  });

  it('syncs models with a dry run first, then for real', async () => {
    const source = await startSimulator({ ...quick, models: [CHAT, 'gemma3:1b'] });
    const target = await startSimulator({ ...quick, models: ['gemma3:1b'] });
    await fetch(`${source.url}/api/create`, {
      method: 'POST',
      body: JSON.stringify({
        model: 'brief:latest',
        from: CHAT,
        system: 'Be brief.',
        parameters: { temperature: 0.2 },
        stream: false,
      }),
    });
    const fleet = fleetOf(['source', source], ['target', target]);
    const plan = await fleet.sync({ from: 'source', to: 'target', dryRun: true });
    expect(plan.dryRun).toBe(true);
    const actions = Object.fromEntries(
      plan.items.map((item) => [item.model, [item.action, item.result]]),
    );
    expect(actions).toEqual({
      'brief:latest': ['create', 'planned'],
      [CHAT]: ['pull', 'planned'],
      'gemma3:1b': ['skip', 'skipped'],
    });
    expect(target.installed()).toEqual(['gemma3:1b']);

    const progressed = new Set<string>();
    const report = await fleet.sync({
      from: 'source',
      to: 'target',
      onProgress: (model) => progressed.add(model),
    });
    expect(report.failed).toEqual([]);
    expect(target.installed().sort()).toEqual(['brief:latest', 'gemma3:1b', CHAT].sort());
    expect(progressed.has(CHAT)).toBe(true);
    const show = await fleet.client('target').show({ model: 'brief' });
    expect(show.system).toBe('Be brief.');

    const missing = await fleet.sync({ from: 'source', to: 'target', models: ['not-there'] });
    expect(missing.failed[0]).toMatchObject({ model: 'not-there', reason: 'not on source' });
    await Promise.all([source.close(), target.close()]);
  });

  it('gives suggestions from inventory and ps', async () => {
    const busy = await startSimulator({ ...quick, models: [CHAT], loaded: [CHAT] });
    const idle = await startSimulator({ ...quick, models: [CHAT, 'nomic-embed-text:latest'] });
    const small = await startSimulator({
      ...quick,
      models: ['llama3.1:8b'],
      loaded: ['llama3.1:8b'],
      vramBytes: 2 * 2 ** 30,
    });
    const roomy = await startSimulator({
      ...quick,
      models: ['llama3.1:8b', CHAT, 'nomic-embed-text:latest'],
    });
    const fleet = fleetOf(['busy', busy], ['idle', idle], ['small', small], ['roomy', roomy]);
    const advice = await fleet.suggestions();
    const kinds = advice.map((item) => `${item.kind} ${item.hosts.join(',')}`);
    expect(kinds).toContain('cpu-spill small,roomy');
    expect(kinds.some((kind) => kind.startsWith('unbalanced-load busy'))).toBe(true);
    expect(advice.every((item) => item.message.length > 0)).toBe(true);
    await Promise.all([busy, idle, small, roomy].map((simulator) => simulator.close()));
  });
});
