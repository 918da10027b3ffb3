import { Box, Text, useApp, useInput, useWindowSize } from 'ink';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { actionFor, createKeymap, displayKey, type Keymap } from './keymap.js';
import type { ModelAnnotations } from './models/annotations.js';
import { type ModelsAction, ModelsScreen } from './models/models-screen.js';
import { NoHostScreen } from './no-host.js';
import type { AppServices } from './services.js';
import { CommandPalette, type PaletteCommand } from './shell/command-palette.js';
import { HelpOverlay } from './shell/help-overlay.js';
import { StatusBar } from './shell/status-bar.js';
import { TabBar } from './shell/tab-bar.js';
import type { AvailableTabId } from './shell/tabs.js';
import { useHostStatus } from './shell/use-host-status.js';
import { useWarningCount } from './shell/use-warning-count.js';
import { type Theme, ThemeProvider, themes } from './theme.js';

/** What the other tabs render; TUI-B's screens plug in here (see src/screens.tsx). */
export interface ScreenProps {
  readonly services: AppServices;
  readonly isActive: boolean;
  readonly onCaptureInput?: (captured: boolean) => void;
  /** Rows the screen may use (the terminal minus tab bar and status bar). */
  readonly height?: number;
}

export interface AppProps {
  readonly services: AppServices;
  readonly theme: Theme;
  readonly initialTab?: AvailableTabId;
  /** Chat, Monitor and Hosts screens. */
  readonly screens?: Partial<
    Record<'chat' | 'monitor' | 'hosts', (props: ScreenProps) => ReactNode>
  >;
  readonly annotations?: ModelAnnotations;
  readonly outdated?: ReadonlySet<string>;
  /** Bindings with the settings' overrides (createKeymap); default: the built-in keys. */
  readonly keymap?: Keymap;
  /** Host status poll interval (tests use a short one). */
  readonly statusIntervalMs?: number;
}

const tabActions: Record<string, AvailableTabId> = {
  'tab-models': 'models',
  'tab-chat': 'chat',
  'tab-monitor': 'monitor',
  'tab-hosts': 'hosts',
};

function paletteCommands(keymap: Keymap): PaletteCommand[] {
  const key = (keys: readonly string[]) => keys.map(displayKey).join(' ');
  return [
    ...keymap.global.map((binding) => ({
      id: binding.action,
      title: binding.description,
      hint: key(binding.keys),
    })),
    ...keymap.models
      .filter((binding) => !['up', 'down', 'page-up', 'page-down', 'back'].includes(binding.action))
      .map((binding) => ({
        id: `models:${binding.action}`,
        title: `Models: ${binding.description}`,
        hint: key(binding.keys),
      })),
    { id: 'theme:dark', title: 'Theme: dark' },
    { id: 'theme:light', title: 'Theme: light' },
    { id: 'theme:no-color', title: 'Theme: no colour' },
    { id: 'host:retry', title: 'Check the host again now' },
  ];
}

/** The shell: tab bar, the active screen, overlays (help, palette) and the status bar. */
export function App(props: AppProps) {
  const { services } = props;
  const { exit } = useApp();
  const { columns, rows } = useWindowSize();
  const [tab, setTab] = useState<AvailableTabId>(props.initialTab ?? 'models');
  const [overlay, setOverlay] = useState<'none' | 'help' | 'palette'>('none');
  const [captured, setCaptured] = useState(false);
  const [visited, setVisited] = useState<ReadonlySet<AvailableTabId>>(new Set());
  const [theme, setTheme] = useState(props.theme);
  const [modelsRequest, setModelsRequest] = useState<
    { action: ModelsAction; id: number } | undefined
  >();
  const warnings = useWarningCount(services.monitor);
  const status = useHostStatus(services, { intervalMs: props.statusIntervalMs, warnings });
  const keymap = useMemo(() => props.keymap ?? createKeymap(), [props.keymap]);
  const commands = useMemo(() => paletteCommands(keymap), [keymap]);
  const onCaptureInput = useCallback((value: boolean) => setCaptured(value), []);

  const quit = useCallback(() => exit(), [exit]);
  const runGlobal = (action: string) => {
    if (action in tabActions) {
      setTab(tabActions[action] ?? 'models');
      setCaptured(false);
    } else if (action === 'help') setOverlay('help');
    else if (action === 'palette') setOverlay('palette');
    else if (action === 'quit') quit();
  };

  useInput(
    (input, key) => {
      const action = actionFor(keymap.global, input, key);
      if (action) runGlobal(action);
    },
    { isActive: overlay === 'none' && !captured },
  );
  // Ctrl+C always quits, even while a text input has focus.
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') quit();
    },
    { isActive: overlay !== 'none' || captured },
  );
  useInput(
    (input, key) => {
      if (key.escape || input === '?' || input === 'q') setOverlay('none');
    },
    { isActive: overlay === 'help' },
  );

  const runCommand = (command: PaletteCommand) => {
    setOverlay('none');
    if (command.id.startsWith('models:')) {
      setTab('models');
      setModelsRequest((previous) => ({
        action: command.id.slice('models:'.length) as ModelsAction,
        id: (previous?.id ?? 0) + 1,
      }));
    } else if (command.id.startsWith('theme:')) {
      const name = command.id.slice('theme:'.length) as keyof typeof themes;
      setTheme(themes[name] ?? theme);
    } else if (command.id === 'host:retry') status.checkNow();
    else runGlobal(command.id);
  };

  const contentHeight = Math.max(5, rows - 3);
  // A host that never answered shows the no-host screen at once; one that was up only after two
  // failed checks in a row, so a single slow poll does not hide a chat.
  const hostDown =
    status.up === false && tab !== 'hosts' && (!status.everUp || status.failures >= 2);
  const active = overlay === 'none' && !hostDown;
  // Screens stay mounted once visited (hidden with display="none"), so a running pull or a streaming
  // chat keeps going while another tab is shown.
  if (!visited.has(tab)) setVisited(new Set([...visited, tab]));

  const screens: ReactNode[] = [];
  for (const id of ['models', 'chat', 'monitor', 'hosts'] as const) {
    if (!visited.has(id) && id !== tab) continue;
    const shown = id === tab && overlay !== 'help' && !hostDown;
    let screen: ReactNode;
    if (id === 'models') {
      screen = (
        <ModelsScreen
          services={services}
          isActive={active && shown}
          height={contentHeight}
          width={columns}
          onCaptureInput={onCaptureInput}
          annotations={props.annotations}
          outdated={props.outdated}
          request={modelsRequest}
          bindings={keymap.models}
        />
      );
    } else {
      const Screen = props.screens?.[id];
      screen = Screen ? (
        <Screen
          services={services}
          isActive={active && shown}
          onCaptureInput={onCaptureInput}
          height={contentHeight}
        />
      ) : (
        <Text>This tab is not built yet.</Text>
      );
    }
    screens.push(
      <Box
        key={id}
        display={shown && overlay !== 'palette' ? 'flex' : 'none'}
        flexDirection="column"
      >
        {screen}
      </Box>,
    );
  }

  return (
    <ThemeProvider theme={theme}>
      <Box flexDirection="column" width={columns} height={rows}>
        <TabBar active={tab} />
        <Box flexDirection="column" flexGrow={1} overflowY="hidden">
          {overlay === 'palette' ? (
            <CommandPalette
              commands={commands}
              onRun={runCommand}
              onClose={() => setOverlay('none')}
            />
          ) : null}
          {overlay === 'help' ? (
            <HelpOverlay
              sections={keymap.sections}
              width={columns}
              height={contentHeight}
              activeSection={tab[0]?.toUpperCase() + tab.slice(1)}
            />
          ) : null}
          {hostDown && overlay === 'none' ? (
            <NoHostScreen
              hostUrl={status.hostUrl}
              error={status.lastError}
              attempts={status.attempts}
              retryEverySeconds={Math.round((props.statusIntervalMs ?? 2000) / 1000)}
              isActive={!captured}
              onRetry={status.checkNow}
              onStartDemo={
                services.startDemo
                  ? () => {
                      void services.startDemo?.();
                    }
                  : undefined
              }
            />
          ) : null}
          {screens}
        </Box>
        <StatusBar
          status={status}
          message={
            services.storeProblem ? `store unavailable: ${services.storeProblem}` : undefined
          }
        />
      </Box>
    </ThemeProvider>
  );
}
