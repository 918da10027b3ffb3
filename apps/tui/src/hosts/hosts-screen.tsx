import {
  createFleet,
  type FleetInventory,
  type HostStatus,
  parseHost,
  type Suggestion,
  suggest,
} from '@ollamamon/client';
import type { Store } from '@ollamamon/store';
import { Box, Text, useInput, useWindowSize } from 'ink';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PromptInput } from '../chat/prompt-input/prompt-input.js';
import { actionFor } from '../keymap.js';
import type { AppServices } from '../services.js';
import { useTheme } from '../theme.js';
import { hostsBindings } from './bindings.js';
import { checkHostForm, hostRows, type KnownHost, modelLocations } from './hosts-view.js';

export type HostsScreenProps = {
  services: AppServices;
  isActive: boolean;
  onCaptureInput?: (captured: boolean) => void;
  height?: number;
  /** How often health is checked while the tab is shown. @default 5000 */
  refreshMs?: number;
};

type Form = {
  mode: 'add' | 'edit';
  editing?: string;
  name: string;
  url: string;
  field: 0 | 1;
  error?: string;
};

const settingsOf = (store: unknown): Store['settings'] | undefined => {
  const settings = (store as Partial<Store> | undefined)?.settings;
  return settings && typeof settings.update === 'function' ? settings : undefined;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Hosts of this run (flags, env, demo) and of settings, one entry per address. */
const knownHosts = (
  services: AppServices,
  settings: Store['settings'] | undefined,
): KnownHost[] => {
  const stored = (settings?.current().hosts ?? []).map((host) => ({
    name: host.name,
    url: parseHost(host.url),
    fromSettings: true,
  }));
  const known: KnownHost[] = [...stored];
  for (const host of services.hosts()) {
    if (known.some((entry) => entry.url === host.url)) continue;
    const taken = known.some((entry) => entry.name === host.name);
    known.unshift({
      name: taken ? `${host.name}-${known.length}` : host.name,
      url: host.url,
      fromSettings: false,
    });
  }
  return known;
};

/**
 * The Hosts tab: every host with health, latency and version; add, edit and remove hosts (saved to
 * settings.toml); Enter makes one active; `m` shows which model lives where; the fleet's suggestions.
 */
export const HostsScreen = ({
  services,
  isActive,
  onCaptureInput,
  height,
  refreshMs = 5000,
}: HostsScreenProps) => {
  const theme = useTheme();
  const { rows } = useWindowSize();
  const settings = useMemo(() => settingsOf(services.store), [services]);
  const [version, setVersion] = useState(0);
  // `version` changes after every save: the hosts are read again from settings.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the re-read trigger
  const hosts = useMemo(() => knownHosts(services, settings), [services, settings, version]);
  const fleet = useMemo(
    () =>
      createFleet({
        hosts: hosts.map((host) => ({ name: host.name, url: host.url })),
        probeTimeoutMs: 2000,
      }),
    [hosts],
  );
  const [health, setHealth] = useState<HostStatus[]>();
  const [inventory, setInventory] = useState<FleetInventory>();
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [selected, setSelected] = useState(0);
  const [showModels, setShowModels] = useState(false);
  const [form, setFormState] = useState<Form>();
  // Report the capture in the same update as the form opening or closing (see chat-screen.tsx).
  const setForm = (next: Form | undefined | ((previous: Form | undefined) => Form | undefined)) => {
    const value = typeof next === 'function' ? next(form) : next;
    setFormState(next);
    if (isActive && (value === undefined) !== (form === undefined))
      onCaptureInput?.(value !== undefined);
  };
  const [confirmRemove, setConfirmRemove] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();
  const [activeUrl, setActiveUrl] = useState(() => services.activeHost().url);

  useEffect(() => services.subscribe(() => setActiveUrl(services.activeHost().url)), [services]);
  useEffect(() => {
    if (isActive) onCaptureInput?.(form !== undefined);
  }, [isActive, form, onCaptureInput]);

  const refresh = useCallback(async () => {
    try {
      const [nextHealth, nextInventory] = await Promise.all([fleet.health(), fleet.inventory()]);
      setHealth(nextHealth);
      setInventory(nextInventory);
      setSuggestions(suggest(nextInventory));
    } catch (error) {
      setNotice({ text: `could not check the hosts: ${messageOf(error)}`, error: true });
    }
  }, [fleet]);

  useEffect(() => {
    if (!isActive) return;
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => clearInterval(timer);
  }, [isActive, refresh, refreshMs]);

  const rowsShown = hostRows(hosts, health, activeUrl);
  const index = Math.min(selected, Math.max(0, rowsShown.length - 1));
  const current = rowsShown[index];

  const saveHosts = (
    change: (hosts: { name: string; url: string }[]) => { name: string; url: string }[],
  ) => {
    if (!settings) {
      setNotice({ text: 'hosts cannot be saved: the store is not open', error: true });
      return false;
    }
    try {
      settings.update((profile) => ({
        ...profile,
        hosts: change(profile.hosts.map((host) => ({ ...host }))),
      }));
      setVersion((value) => value + 1);
      // The shell re-reads its hosts too (the status bar, the fleet), where it can.
      (services as { reloadHosts?: () => void }).reloadHosts?.();
      return true;
    } catch (error) {
      setNotice({ text: `not saved: ${messageOf(error)}`, error: true });
      return false;
    }
  };

  const submitForm = (next: Form) => {
    const existing = hosts.filter((host) => host.fromSettings);
    const checked = checkHostForm(next, existing, next.editing);
    if (!checked.ok) {
      setForm({ ...next, field: checked.field === 'name' ? 0 : 1, error: checked.message });
      return;
    }
    const saved = saveHosts((list) =>
      next.mode === 'add'
        ? [...list, checked.host]
        : list.map((host) => (host.name === next.editing ? { ...host, ...checked.host } : host)),
    );
    if (saved) {
      setNotice({
        text: `${next.mode === 'add' ? 'added' : 'saved'} ${checked.host.name} (${parseHost(checked.host.url)})`,
      });
      setForm(undefined);
    }
  };

  useInput(
    (input, key) => {
      if (confirmRemove) {
        if (input === 'y') {
          if (saveHosts((list) => list.filter((host) => host.name !== confirmRemove)))
            setNotice({ text: `removed ${confirmRemove} from settings` });
        } else setNotice({ text: 'kept' });
        setConfirmRemove(undefined);
        return;
      }
      switch (actionFor(hostsBindings, input, key)) {
        case 'up':
          setSelected((value) => Math.max(0, Math.min(value, rowsShown.length - 1) - 1));
          return;
        case 'down':
          setSelected((value) => Math.max(0, Math.min(rowsShown.length - 1, value + 1)));
          return;
        case 'activate':
          if (current) {
            services.switchHost(current.url);
            setNotice({ text: `active host: ${current.name} (${current.url})` });
          }
          return;
        case 'add':
          setForm({ mode: 'add', name: '', url: '', field: 0 });
          return;
        case 'edit':
          if (current?.fromSettings)
            setForm({
              mode: 'edit',
              editing: current.name,
              name: current.name,
              url: current.url,
              field: 0,
            });
          else
            setNotice({
              text: 'only hosts from settings can be edited (this one came from a flag or OLLAMA_HOST)',
            });
          return;
        case 'remove':
          if (current?.fromSettings) setConfirmRemove(current.name);
          else setNotice({ text: 'only hosts from settings can be removed' });
          return;
        case 'models':
          setShowModels((value) => !value);
          return;
        case 'refresh':
          void refresh();
          return;
        default:
          return;
      }
    },
    { isActive: isActive && form === undefined },
  );
  useInput(
    (_input, key) => {
      if (!form) return;
      if (key.escape) setForm(undefined);
      else if (key.tab || key.upArrow || key.downArrow)
        setForm({ ...form, field: form.field === 0 ? 1 : 0 });
    },
    { isActive: isActive && form !== undefined },
  );

  const screenHeight = height ?? Math.max(8, rows - 3);
  const locations = modelLocations(inventory);
  const stateColor = (state: string) =>
    state === 'up' ? theme.status.ok : state === 'down' ? theme.status.error : theme.text.muted;

  return (
    <Box flexDirection="column" height={screenHeight} overflow="hidden">
      <Text color={notice?.error ? theme.status.error : theme.text.muted} wrap="truncate-end">
        {confirmRemove
          ? `Remove ${confirmRemove} from settings? y removes, any other key keeps it`
          : (notice?.text ??
            'Enter: make active · a add · e edit · d remove · m models · r refresh')}
      </Text>
      <Box>
        <Text bold>
          {'  '}
          {'host'.padEnd(16)} {'state'.padEnd(9)} {'latency'.padStart(8)} {'version'.padEnd(10)}{' '}
          address
        </Text>
      </Box>
      {rowsShown.map((row, position) => (
        <Text key={row.url} inverse={isActive && position === index && !form} wrap="truncate-end">
          {row.active ? '● ' : '  '}
          {row.name.padEnd(16)} <Text color={stateColor(row.state)}>{row.state.padEnd(9)}</Text>
          {row.latency.padStart(8)} {row.version.padEnd(10)} {row.url}
          {row.fromSettings ? '' : ' (this run)'}
          {row.error ? <Text color={theme.status.error}> {row.error}</Text> : null}
        </Text>
      ))}
      {form ? (
        <Box
          flexDirection="column"
          borderStyle="round"
          borderColor={theme.border}
          paddingX={1}
          marginTop={1}
        >
          <Text bold>
            {form.mode === 'add' ? 'Add a host' : `Edit ${form.editing}`} (Tab switches field ·
            Enter saves · Esc cancels)
          </Text>
          <Text color={form.field === 0 ? theme.text.accent : theme.text.muted}>name</Text>
          <PromptInput
            key={`name-${form.mode}-${form.editing ?? ''}`}
            isActive={isActive && form.field === 0}
            initialValue={form.name}
            allowEmpty
            keepOnSubmit
            onChange={(name) =>
              setForm((previous) => (previous ? { ...previous, name } : previous))
            }
            onSubmit={() => {
              setForm({ ...form, field: 1 });
              return true;
            }}
          />
          <Text color={form.field === 1 ? theme.text.accent : theme.text.muted}>
            address (host:port, http(s)://…, as OLLAMA_HOST)
          </Text>
          <PromptInput
            key={`url-${form.mode}-${form.editing ?? ''}`}
            isActive={isActive && form.field === 1}
            initialValue={form.url}
            allowEmpty
            keepOnSubmit
            onChange={(url) => setForm((previous) => (previous ? { ...previous, url } : previous))}
            onSubmit={(url) => {
              submitForm({ ...form, url });
              return true;
            }}
          />
          {form.error ? <Text color={theme.status.error}>{form.error}</Text> : null}
        </Box>
      ) : null}
      {showModels ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>
            {'model'.padEnd(32)} {'installed on'.padEnd(24)} loaded on
          </Text>
          {locations.length === 0 ? (
            <Text color={theme.text.muted}>no models (or no host answered)</Text>
          ) : null}
          {locations.map((model) => (
            <Text
              key={model.name}
              wrap="truncate-end"
              color={model.conflict ? theme.status.warning : undefined}
            >
              {model.name.padEnd(32)} {model.installedOn.padEnd(24)} {model.loadedOn}
              {model.conflict ? '  (different digests!)' : ''}
            </Text>
          ))}
        </Box>
      ) : null}
      <Box flexDirection="column" marginTop={1}>
        <Text bold>Suggestions</Text>
        {suggestions.length === 0 ? <Text color={theme.text.muted}>none</Text> : null}
        {suggestions.map((suggestion) => (
          <Text
            key={`${suggestion.kind}:${suggestion.model ?? ''}:${suggestion.hosts.join(',')}`}
            color={suggestion.severity === 'warning' ? theme.status.warning : theme.status.info}
            wrap="truncate-end"
          >
            {suggestion.severity === 'warning' ? '▲' : 'ℹ'} {suggestion.message}
          </Text>
        ))}
      </Box>
    </Box>
  );
};
