import { render } from 'ink';
import { App } from './app.js';
import { ChatScreen } from './chat/chat-screen.js';
import type { CliOptions } from './cli-options.js';
import { createServices } from './create-services.js';
import { HostsScreen } from './hosts/hosts-screen.js';
import { createKeymap } from './keymap.js';
import { createStoreAnnotations } from './models/store-annotations.js';
import { MonitorScreen } from './monitor/monitor-screen.js';
import { resolveTheme } from './theme.js';

/** Opens the terminal UI and resolves with the exit status once the user quits. */
export async function runTui(
  options: CliOptions,
  env: Readonly<Record<string, string | undefined>>,
): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write(
      'ollamamon: the UI needs a terminal. For scripts use the subcommands (ollamamon ls, ps, pull, rm, outdated, hosts; --help).\n',
    );
    return 2;
  }
  const services = await createServices({
    host: options.host,
    profile: options.profile,
    demo: options.demo,
    registry: options.registry,
    env,
  });
  // UI preferences of the chosen profile (--profile), else the active one.
  const settings = services.store?.settings;
  const ui = (
    options.profile ? settings?.document().profiles[options.profile] : settings?.current()
  )?.ui;
  const theme = resolveTheme({
    requested: options.theme ?? ui?.theme,
    noColor: env.NO_COLOR,
  });
  const annotations = services.store
    ? createStoreAnnotations(services.store, () => services.activeHost().url)
    : undefined;
  const instance = render(
    <App
      services={services}
      theme={theme}
      annotations={annotations}
      keymap={createKeymap(ui?.keymap)}
      screens={{ chat: ChatScreen, monitor: MonitorScreen, hosts: HostsScreen }}
    />,
    { alternateScreen: true, maxFps: 60, incrementalRendering: true, exitOnCtrlC: false },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    await services.close();
  }
  return 0;
}
