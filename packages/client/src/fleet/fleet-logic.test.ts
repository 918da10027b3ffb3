import { describe, expect, it } from 'vitest';
import { host, installed, running } from './fixtures';
import { mergeInventory } from './merge-inventory';
import { parseParameters } from './parse-parameters';
import { rankHosts } from './rank-hosts';
import { suggest } from './suggestions';
import type { FleetHostConfig, HostStatus } from './types';

describe('mergeInventory', () => {
  it('merges names across hosts, with loaded state and digest conflicts', () => {
    const inventory = mergeInventory([
      host(
        'a',
        [installed('llama3:latest', 'x1'), installed('qwen3:0.6b')],
        [running('llama3:latest')],
      ),
      host('b', [installed('llama3', 'x2')]),
    ]);
    const llama = inventory.models.find((model) => model.name === 'llama3:latest');
    expect(llama?.installedOn).toEqual(['a', 'b']);
    expect(llama?.loadedOn).toEqual(['a']);
    expect(llama?.digests).toEqual(['x1', 'x2']);
    expect(inventory.conflicts.map((model) => model.name)).toEqual(['llama3:latest']);
    expect(inventory.models.find((model) => model.name === 'qwen3:0.6b')?.conflict).toBe(false);
  });
});

describe('rankHosts', () => {
  const hosts: FleetHostConfig[] = [
    { name: 'a', url: 'a' },
    { name: 'b', url: 'b', priority: 5 },
    { name: 'c', url: 'c' },
    { name: 'd', url: 'd' },
  ];
  const inventory = mergeInventory([
    host('a', [installed('m')]),
    host('b', [installed('m')]),
    host('c', [installed('m')], [running('m')]),
    host('d', [], [], false),
  ]);
  const health = new Map<string, HostStatus>();

  it('puts loaded first, then installed by priority, and skips down hosts', () => {
    const decision = rankHosts({ model: 'm', hosts, health, inventory, inFlight: new Map() });
    expect(decision.host).toBe('c');
    expect(decision.candidates.map((c) => c.host)).toEqual(['c', 'b', 'a']);
    expect(decision.skipped.map((c) => [c.host, c.state])).toEqual([['d', 'down']]);
    expect(decision.explanation).toMatch(/^c: has it loaded/);
  });

  it('prefers fewer requests in flight over priority', () => {
    const decision = rankHosts({
      model: 'm',
      hosts,
      health,
      inventory,
      inFlight: new Map([
        ['b', 2],
        ['c', 0],
      ]),
    });
    expect(decision.candidates.map((c) => c.host)).toEqual(['c', 'a', 'b']);
  });

  it('divides requests in flight by weight, then prefers the heavier host', () => {
    const weighted: FleetHostConfig[] = [
      { name: 'small', url: 's' },
      { name: 'big', url: 'b', weight: 4 },
    ];
    const both = mergeInventory([host('small', [installed('m')]), host('big', [installed('m')])]);
    const busy = (big: number, small: number) =>
      rankHosts({
        model: 'm',
        hosts: weighted,
        health,
        inventory: both,
        inFlight: new Map([
          ['big', big],
          ['small', small],
        ]),
      }).candidates.map((c) => c.host);
    expect(busy(0, 0)).toEqual(['big', 'small']);
    expect(busy(3, 1)).toEqual(['big', 'small']); // 3/4 < 1/1
    expect(busy(5, 1)).toEqual(['small', 'big']); // 5/4 > 1/1
  });

  it('skips hosts without the model and explains an impossible route', () => {
    const decision = rankHosts({ model: 'other', hosts, health, inventory, inFlight: new Map() });
    expect(decision.host).toBeUndefined();
    expect(decision.explanation).toMatch(/no host can serve other/);
  });

  it('treats every up host as a candidate before any inventory', () => {
    const decision = rankHosts({
      model: 'm',
      hosts,
      health,
      inventory: undefined,
      inFlight: new Map(),
    });
    expect(decision.candidates.map((c) => c.host)).toEqual(['b', 'a', 'c', 'd']);
  });
});

describe('suggest', () => {
  it('flags a model on one host, unbalanced load, CPU spill and unused models', () => {
    const advice = suggest(
      mergeInventory([
        host(
          'a',
          [installed('m1'), installed('m2'), installed('shared')],
          [running('m1'), running('m2'), running('shared', 1000, 400)],
        ),
        host('b', [installed('shared'), installed('idle')]),
        host('c', [installed('shared'), installed('idle')]),
      ]),
    );
    const kinds = advice.map((item) => `${item.kind}:${item.model ?? item.hosts.join('+')}`);
    expect(kinds).toContain('single-host:m1:latest');
    expect(kinds).toContain('unbalanced-load:a+b+c');
    expect(kinds).toContain('cpu-spill:shared:latest');
    expect(advice.find((item) => item.kind === 'cpu-spill')?.hosts).toEqual(['a', 'b']);
    // `idle` is on b and c, not on a: not "everywhere"
    expect(kinds).not.toContain('unused-everywhere:idle:latest');
  });

  it('flags a model installed everywhere but loaded nowhere', () => {
    const advice = suggest(
      mergeInventory([host('a', [installed('x')]), host('b', [installed('x')])]),
    );
    expect(advice.map((item) => item.kind)).toEqual(['unused-everywhere']);
  });

  it('gives no advice for a single host', () => {
    expect(suggest(mergeInventory([host('a', [installed('x')])]))).toEqual([]);
  });
});

describe('parseParameters', () => {
  it('reads Go %#v values, with stop as a list', () => {
    expect(
      parseParameters(
        'temperature                    0.7\nstop                           "<|eot|>"\nstop                           "user:"\nnum_ctx                        4096\nuse_mmap                       true',
      ),
    ).toEqual({ temperature: 0.7, stop: ['<|eot|>', 'user:'], num_ctx: 4096, use_mmap: true });
    expect(parseParameters(undefined)).toEqual({});
  });
});
