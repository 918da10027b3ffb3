import { type Simulator, startSimulator } from '@ollamamon/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../chat/test-services.js';
import { renderWithProviders, tick, waitForFrame } from '../test-utils/render.js';
import { HostsScreen } from './hosts-screen.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const setup = async () => {
  const services: TestServices = await createTestServices({
    models: ['llama3.2:1b', 'qwen3:0.6b'],
    version: '0.12.6',
  });
  const other: Simulator = await startSimulator({
    models: ['llama3.2:1b', 'gemma3:1b'],
    loaded: ['gemma3:1b'],
    version: '0.13.0',
  });
  cleanups.push(
    () => services.dispose(),
    () => other.close(),
  );
  const view = renderWithProviders(
    <HostsScreen services={services} isActive height={30} refreshMs={200} />,
  );
  cleanups.push(view.unmount);
  return { services, other, ...view };
};

describe('HostsScreen', () => {
  it('adds a host to settings, checks its health, shows where models live, switches and removes it', async () => {
    const { services, other, stdin, lastFrame } = await setup();
    await waitForFrame(lastFrame, (frame) => /sim\s+up\s+\d+ ms 0\.12\.6/.test(frame), 5000);

    stdin.write('a');
    await waitForFrame(lastFrame, (frame) => frame.includes('Add a host'));
    stdin.write('gpu-box');
    await tick(20);
    stdin.write('\t');
    await tick(20);
    stdin.write(other.url.replace('http://', ''));
    await tick(20);
    stdin.write('\r');
    await waitForFrame(lastFrame, (frame) => frame.includes(`added gpu-box (${other.url})`));
    // The fresh settings already name the local Ollama; the new host is added after it.
    const before = services.storeHandle.settings.current().hosts;
    expect(before.at(-1)).toEqual({ name: 'gpu-box', url: other.url.replace('http://', '') });
    const healthy = await waitForFrame(
      lastFrame,
      (frame) => /gpu-box\s+up\s+\d+ ms 0\.13\.0/.test(frame),
      5000,
    );
    expect(healthy).toMatch(/● sim/);

    stdin.write('m');
    const models = await waitForFrame(
      lastFrame,
      (frame) => /gemma3:1b\s+gpu-box\s+gpu-box/.test(frame),
      5000,
    );
    expect(models).toMatch(/llama3\.2:1b\s+(sim, gpu-box|gpu-box, sim)\s+-/);
    expect(models).toMatch(/qwen3:0\.6b\s+sim\s+-/);
    // The fleet's advice, e.g. models that live on one host only.
    expect(models).toMatch(/Suggestions\n[ℹ▲] /);

    // Rows: sim (this run), then the settings' hosts in order; select gpu-box, the last one.
    for (let step = 0; step < before.length; step += 1) {
      stdin.write('j');
      await tick(20);
    }
    stdin.write('\r');
    await waitForFrame(lastFrame, (frame) => frame.includes('active host: gpu-box'));
    expect(services.activeHost().url).toBe(other.url);

    stdin.write('d');
    await waitForFrame(lastFrame, (frame) => frame.includes('Remove gpu-box from settings?'));
    stdin.write('y');
    await waitForFrame(lastFrame, (frame) => frame.includes('removed gpu-box from settings'));
    expect(services.storeHandle.settings.current().hosts).toEqual(before.slice(0, -1));
  });

  it('refuses a duplicate name, naming the problem', async () => {
    const { stdin, lastFrame } = await setup();
    await waitForFrame(lastFrame, (frame) => frame.includes('sim'));
    for (const name of ['box', 'box']) {
      stdin.write('a');
      await waitForFrame(lastFrame, (frame) => frame.includes('Add a host'));
      stdin.write(name);
      await tick(20);
      stdin.write('\t');
      await tick(20);
      stdin.write('10.0.0.9');
      await tick(20);
      stdin.write('\r');
      await tick(50);
    }
    await waitForFrame(lastFrame, (frame) => frame.includes('there is already a host named "box"'));
    stdin.write('\u001b');
    await waitForFrame(lastFrame, (frame) => !frame.includes('Add a host'));
  });
});
