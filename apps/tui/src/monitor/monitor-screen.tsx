import type { Monitor, MonitorSnapshot } from '@ollamamon/monitor';
import { Box, Text, useInput, useWindowSize } from 'ink';
import { useCallback, useEffect, useState } from 'react';
import { actionFor } from '../keymap.js';
import type { AppServices } from '../services.js';
import { useTheme } from '../theme.js';
import { monitorBindings } from './bindings.js';
import { type MetricLine, monitorView } from './monitor-view.js';

export type MonitorScreenProps = {
  services: AppServices;
  isActive: boolean;
  onCaptureInput?: (captured: boolean) => void;
  height?: number;
};

const isMonitor = (value: unknown): value is Monitor =>
  typeof value === 'object' && value !== null && typeof (value as Monitor).on === 'function';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The Monitor tab: CPU, memory, swap, GPUs (or why not), temperatures with sparklines of their history,
 * the loaded models with their device and CPU/GPU split, and the monitor's warnings, refreshed live.
 */
export const MonitorScreen = ({
  services,
  isActive,
  onCaptureInput,
  height,
}: MonitorScreenProps) => {
  const theme = useTheme();
  const { columns, rows } = useWindowSize();
  const monitor = isMonitor(services.monitor) ? services.monitor : undefined;
  const [snapshot, setSnapshot] = useState<MonitorSnapshot | undefined>(() => monitor?.snapshot());
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState(0);
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    if (isActive) onCaptureInput?.(false);
  }, [isActive, onCaptureInput]);

  useEffect(() => {
    if (!monitor || paused) return;
    const off = monitor.on('sample', setSnapshot);
    // Starting twice is harmless: the monitor keeps one timer.
    monitor
      .start()
      .then(setSnapshot, (error: unknown) => setNotice(`monitor failed: ${messageOf(error)}`));
    return off;
  }, [monitor, paused]);

  const refresh = useCallback(() => {
    monitor
      ?.sample()
      .then(setSnapshot, (error: unknown) => setNotice(`monitor failed: ${messageOf(error)}`));
  }, [monitor]);

  const sparkWidth = Math.max(10, Math.min(60, columns - 70));
  const view =
    snapshot && monitor
      ? monitorView(snapshot, monitor.history, { sparkWidth, now: Date.now() })
      : undefined;
  const models = view?.models ?? [];
  const index = Math.min(selected, Math.max(0, models.length - 1));

  useInput(
    (input, key) => {
      switch (actionFor(monitorBindings, input, key)) {
        case 'pause':
          setPaused((value) => !value);
          return;
        case 'refresh':
          refresh();
          return;
        case 'up':
          setSelected((value) => Math.max(0, Math.min(value, models.length - 1) - 1));
          return;
        case 'down':
          setSelected((value) => Math.max(0, Math.min(models.length - 1, value + 1)));
          return;
        case 'unload': {
          const model = models[index];
          if (!model) return;
          setNotice(`unloading ${model.name}…`);
          services
            .client()
            .unload(model.name)
            .then(
              () => {
                setNotice(`unloaded ${model.name}`);
                refresh();
              },
              (error: unknown) => setNotice(`unload failed: ${messageOf(error)}`),
            );
          return;
        }
        default:
          return;
      }
    },
    { isActive },
  );

  if (!monitor)
    return <Text color={theme.status.warning}>The monitor is not available in this session.</Text>;
  if (!view) return <Text color={theme.text.muted}>Sampling…</Text>;

  const levelColor = (level: MetricLine['level']) =>
    level === 'critical'
      ? theme.status.error
      : level === 'warning'
        ? theme.status.warning
        : undefined;
  const screenHeight = height ?? Math.max(8, rows - 3);

  return (
    <Box flexDirection="column" height={screenHeight} overflow="hidden">
      <Text color={theme.text.muted}>
        {paused
          ? 'paused (p resumes)'
          : `live · sample ${snapshot?.sequence ?? 0} · ${new Date(view.takenAtMs).toLocaleTimeString()}`}
        {notice ? ` · ${notice}` : ''}
      </Text>
      {view.metrics.map((line) => (
        <Box key={line.label}>
          <Box width={8}>
            <Text bold>{line.label}</Text>
          </Box>
          <Box width={sparkWidth + 2}>
            <Text color={levelColor(line.level) ?? theme.text.accent}>{line.spark}</Text>
          </Box>
          <Text color={levelColor(line.level)} wrap="truncate-end">
            {line.value}
          </Text>
        </Box>
      ))}
      {view.gpuUnavailable ? (
        <Box>
          <Box width={8}>
            <Text bold>GPUs</Text>
          </Box>
          <Text color={theme.text.muted} wrap="truncate-end">
            not available: {view.gpuUnavailable}
          </Text>
        </Box>
      ) : null}
      <Box marginTop={1}>
        <Text bold>Loaded models</Text>
        <Text color={theme.text.muted}> (u unloads the selected one)</Text>
      </Box>
      {models.length === 0 ? <Text color={theme.text.muted}>none loaded</Text> : null}
      {models.map((model, position) => (
        <Text
          key={`${model.host}/${model.name}`}
          inverse={isActive && position === index}
          wrap="truncate-end"
        >
          {model.name.padEnd(28)} {model.size.padStart(9)} {model.split.padEnd(20)}{' '}
          {model.device.padEnd(18)} ctx {model.context.padStart(7)} · {model.expires} · {model.host}
        </Text>
      ))}
      {view.hostsDown.map((host) => (
        <Text key={host.name} color={theme.status.error}>
          host {host.name} is down: {host.error}
        </Text>
      ))}
      <Box marginTop={1}>
        <Text bold>Warnings</Text>
      </Box>
      {view.warnings.length === 0 ? <Text color={theme.status.ok}>none</Text> : null}
      {view.warnings.map((warning) => (
        <Text
          key={`${warning.code}:${warning.subject}`}
          color={
            warning.level === 'critical'
              ? theme.status.error
              : warning.level === 'warning'
                ? theme.status.warning
                : theme.status.info
          }
        >
          {warning.level === 'critical' ? '✖' : warning.level === 'warning' ? '▲' : 'ℹ'}{' '}
          {warning.message}
        </Text>
      ))}
    </Box>
  );
};
