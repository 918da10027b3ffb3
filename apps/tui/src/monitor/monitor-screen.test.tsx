import { createMonitor, type Monitor } from '@ollamamon/monitor';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices, type TestServices } from '../chat/test-services.js';
import { renderWithProviders, tick, waitForFrame } from '../test-utils/render.js';
import { MonitorScreen } from './monitor-screen.js';

const opened: { services: TestServices; monitor: Monitor; unmount: () => void }[] = [];

afterEach(async () => {
  for (const entry of opened.splice(0)) {
    entry.unmount();
    await entry.monitor.stop();
    await entry.services.dispose();
  }
});

const setup = async (loaded: string[]) => {
  const services = await createTestServices({ models: loaded, loaded });
  // The real machine (no GPU here) and the simulator's /api/ps. `local: false`: the simulator's models have
  // no runner process on this machine.
  const monitor = createMonitor({
    intervalMs: 200,
    hosts: [{ name: 'sim', url: services.simulator.url, local: false }],
  });
  const view = renderWithProviders(
    <MonitorScreen services={{ ...services, monitor }} isActive height={30} />,
  );
  opened.push({ services, monitor, unmount: view.unmount });
  return { services, monitor, ...view };
};

describe('MonitorScreen', () => {
  it('shows CPU and memory with sparklines, GPUs or why not, and the loaded models with their split', async () => {
    const { lastFrame } = await setup(['qwen3:0.6b', 'llama3.2:1b']);
    const frame = await waitForFrame(
      lastFrame,
      (text) => text.includes('qwen3:0.6b') && /sample [3-9]/.test(text),
      8000,
    );
    expect(frame).toMatch(/CPU\s+[▁▂▃▄▅▆▇█]+\s+\d+% of \d+ cores/);
    expect(frame).toMatch(/Memory\s+[▁▂▃▄▅▆▇█]+\s+[\d.]+ [KMGT]?B used of/);
    // This machine has no GPU: the reason is shown, not an empty list.
    if (!/GPU 0/.test(frame)) expect(frame).toMatch(/GPUs\s+not available: .+/);
    expect(frame).toMatch(/llama3\.2:1b .*100% GPU/);
    expect(frame).toMatch(/qwen3:0\.6b .*100% GPU/);
    expect(frame).toMatch(/Warnings\s+none/);
  });

  it('shows the warning when a model spills to CPU', async () => {
    // The simulator's 16 GiB of VRAM cannot hold the 70b model: it runs partly on CPU.
    const { lastFrame } = await setup(['llama3.1:70b']);
    const frame = await waitForFrame(lastFrame, (text) => /% CPU \/ \d+% GPU/.test(text), 8000);
    expect(frame).toMatch(/llama3\.1:70b .*% CPU \/ \d+% GPU/);
    await waitForFrame(lastFrame, (text) => /▲ .*llama3\.1:70b.*CPU/.test(text), 8000);
  });

  it('pauses and unloads the selected model', async () => {
    const { lastFrame, stdin, services } = await setup(['llama3.2:1b', 'qwen3:0.6b']);
    await waitForFrame(
      lastFrame,
      (text) => text.includes('qwen3:0.6b') && text.includes('llama3.2:1b'),
      8000,
    );
    stdin.write('p');
    await waitForFrame(lastFrame, (text) => text.includes('paused'));
    stdin.write('p');
    await tick(50);
    // Models are listed as /api/ps orders them; select the qwen row and unload it.
    const rows = (lastFrame() ?? '')
      .split('\n')
      .filter((line) => /^(llama3\.2:1b|qwen3:0\.6b)/.test(line));
    const qwenIndex = rows.findIndex((line) => line.startsWith('qwen3'));
    for (let step = 0; step < qwenIndex; step += 1) stdin.write('j');
    await tick(50);
    stdin.write('u');
    await waitForFrame(lastFrame, (text) => text.includes('unloaded qwen3:0.6b'), 8000);
    expect(services.simulator.loaded()).not.toContain('qwen3:0.6b');
  });
});
