import { Box, Text, useInput, useWindowSize } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { ConfirmBox } from '../components/confirm-box.js';
import { PromptLine } from '../components/prompt-line.js';
import { formatBytes } from '../format/bytes.js';
import { actionFor, type Binding, modelsBindings } from '../keymap.js';
import type { AppServices } from '../services.js';
import { useTheme } from '../theme.js';
import { createMemoryAnnotations, type ModelAnnotations, parseTags } from './annotations.js';
import { ModelDetails } from './model-details.js';
import { exportModelList, planImport, readModelList } from './model-list-file.js';
import type { ModelRow } from './model-row.js';
import {
  currentRow,
  initialModelsState,
  modelsReducer,
  targetRows,
  visibleRows,
} from './models-state.js';
import { ModelsTable } from './models-table.js';
import { parseModelList } from './pull-queue-state.js';
import { PullQueueView } from './pull-queue-view.js';
import { useModelRows } from './use-model-rows.js';
import { useOutdated } from './use-outdated.js';
import { usePullQueue } from './use-pull-queue.js';

type Mode =
  | { readonly kind: 'table' }
  | { readonly kind: 'filter' }
  | { readonly kind: 'details'; readonly model: string }
  | {
      readonly kind: 'confirm';
      readonly title: string;
      readonly lines: readonly string[];
      readonly footer?: string;
      readonly run: () => Promise<void> | void;
    }
  | {
      readonly kind: 'prompt';
      readonly label: string;
      readonly defaultValue?: string;
      readonly placeholder?: string;
      readonly submit: (value: string) => Promise<void> | void;
    };

export type ModelsAction = (typeof modelsBindings)[number]['action'];

export interface ModelsScreenProps {
  readonly services: AppServices;
  readonly isActive: boolean;
  /** Rows available to the screen (table + pulls + messages). */
  readonly height: number;
  /** Columns available. @default the terminal's */
  readonly width?: number;
  readonly onCaptureInput?: (captured: boolean) => void;
  /** Favourites/tags/notes; defaults to the store's (or memory when there is no store). */
  readonly annotations?: ModelAnnotations;
  /** Models with a newer manifest in the registry (the client's update check). */
  readonly outdated?: ReadonlySet<string>;
  /** An action requested from the command palette; `id` changes each time. */
  readonly request?: { readonly action: ModelsAction; readonly id: number } | undefined;
  /** The Models bindings in use (settings overrides applied). @default modelsBindings */
  readonly bindings?: readonly Binding[];
  /** Tells the status bar something happened. */
  readonly onMessage?: (message: string) => void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The Models tab: the table, filter line, details, confirmations, prompts and the pull queue. */
export function ModelsScreen(props: ModelsScreenProps) {
  const { services, onCaptureInput, onMessage } = props;
  const theme = useTheme();
  const windowSize = useWindowSize();
  const columns = props.width ?? windowSize.columns;
  const annotations = useMemo(
    () => props.annotations ?? createMemoryAnnotations(),
    [props.annotations],
  );
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const data = useModelRows(services, {
    annotations: () => annotations.all(),
    outdated: props.outdated ?? checked,
  });
  const found = useOutdated(data.rows, {
    registry: services.registry,
    enabled: props.outdated === undefined,
    onError: services.log,
  });
  useEffect(() => setChecked(found), [found]);
  const [state, dispatch] = useReducer(modelsReducer, initialModelsState);
  const [mode, setMode] = useState<Mode>({ kind: 'table' });
  const [message, setMessage] = useState<string | undefined>(undefined);
  const refresh = data.refresh;
  const pulls = usePullQueue(services, { onSettled: () => void refresh() });
  const say = useCallback(
    (text: string) => {
      setMessage(text);
      onMessage?.(text);
    },
    [onMessage],
  );

  useEffect(() => {
    if (data.rows) dispatch({ type: 'rows-loaded', rows: data.rows });
  }, [data.rows]);

  const captured = mode.kind !== 'table';
  useEffect(() => {
    onCaptureInput?.(captured);
  }, [captured, onCaptureInput]);

  const pullsShown = pulls.items.slice(-5);
  const tableHeight = Math.max(
    3,
    props.height -
      3 -
      (pullsShown.length > 0 ? pullsShown.length + 2 : 0) -
      (mode.kind === 'confirm' ? 8 : 0),
  );
  useEffect(() => {
    dispatch({ type: 'page-size', pageSize: tableHeight });
  }, [tableHeight]);

  const rows = useMemo(() => visibleRows(state), [state]);
  const back = () => setMode({ kind: 'table' });

  const perform = useCallback(
    async (
      label: string,
      models: readonly ModelRow[],
      work: (row: ModelRow) => Promise<unknown>,
    ) => {
      const failures: string[] = [];
      for (const row of models) {
        try {
          await work(row);
        } catch (error) {
          failures.push(`${row.name}: ${errorText(error)}`);
        }
      }
      await refresh();
      say(
        failures.length > 0
          ? `${label} failed: ${failures.join('; ')}`
          : `${label}: ${models.map((row) => row.name).join(', ')}`,
      );
    },
    [refresh, say],
  );

  const runAction = (action: ModelsAction) => {
    const row = currentRow(state);
    const client = services.client();
    switch (action) {
      case 'up':
        return dispatch({ type: 'cursor-up' });
      case 'down':
        return dispatch({ type: 'cursor-down' });
      case 'page-up':
        return dispatch({ type: 'page-up' });
      case 'page-down':
        return dispatch({ type: 'page-down' });
      case 'select':
        return dispatch({ type: 'toggle-select' });
      case 'select-all':
        return dispatch({ type: 'select-all' });
      case 'filter':
        dispatch({ type: 'filter-start' });
        return setMode({ kind: 'filter' });
      case 'sort-next':
        return dispatch({ type: 'sort-next' });
      case 'sort-previous':
        return dispatch({ type: 'sort-previous' });
      case 'sort-reverse':
        return dispatch({ type: 'sort-reverse' });
      case 'details':
        if (row) setMode({ kind: 'details', model: row.name });
        return;
      case 'delete': {
        const targets = targetRows(state);
        if (targets.length === 0) return;
        const freed = targets.reduce((total, target) => total + target.sizeBytes, 0);
        return setMode({
          kind: 'confirm',
          title: `Delete ${targets.length} model${targets.length === 1 ? '' : 's'}?`,
          lines: targets.map((target) => `${target.name}  ${formatBytes(target.sizeBytes)}`),
          footer: `Frees ${formatBytes(freed)} of disk.`,
          run: async () => {
            await perform('Deleted', targets, (target) => client.delete({ model: target.name }));
            dispatch({ type: 'clear-selection' });
          },
        });
      }
      case 'update-outdated': {
        const outdated = (state.selected.size > 0 ? targetRows(state) : state.rows).filter(
          (target) => target.outdated,
        );
        if (outdated.length === 0) return say('No outdated models (the ⬆ badge marks them).');
        return setMode({
          kind: 'confirm',
          title: `Update ${outdated.length} outdated model${outdated.length === 1 ? '' : 's'}?`,
          lines: outdated.map((target) => target.name),
          run: () => pulls.enqueue(outdated.map((target) => target.name)),
        });
      }
      case 'update-selected': {
        const targets = targetRows(state);
        if (targets.length === 0) return;
        return setMode({
          kind: 'confirm',
          title: `Re-pull ${targets.length} model${targets.length === 1 ? '' : 's'}?`,
          lines: targets.map((target) => target.name),
          run: () => pulls.enqueue(targets.map((target) => target.name)),
        });
      }
      case 'pull':
        return setMode({
          kind: 'prompt',
          label: 'Pull:',
          placeholder: 'model names, e.g. llama3.2:1b qwen3:0.6b',
          submit: (value) => {
            const names = parseModelList(value);
            if (names.length > 0) {
              pulls.enqueue(names);
              say(`Queued ${names.join(', ')}`);
            }
          },
        });
      case 'cancel-pull':
        return pulls.cancelNewest();
      case 'cancel-all-pulls':
        return pulls.cancelAll();
      case 'copy':
        if (!row) return;
        return setMode({
          kind: 'prompt',
          label: `Copy ${row.name} to:`,
          defaultValue: `${row.name.split(':')[0]}-copy`,
          submit: (destination) =>
            perform('Copied', [row], () =>
              client.copy({ source: row.name, destination: destination.trim() }),
            ),
        });
      case 'load':
        if (!row) return;
        say(`Loading ${row.name}…`);
        return void perform('Loaded', [row], () => client.load(row.name));
      case 'unload':
        if (!row) return;
        return void perform('Unloaded', [row], () => client.unload(row.name));
      case 'unload-all':
        // Ask the host what is loaded now (the table may be a refresh behind).
        return void client
          .ps()
          .then((ps) => {
            const loaded = ps.models.map((model) => ({ name: model.name }) as ModelRow);
            if (loaded.length === 0) say('Nothing is loaded.');
            else void perform('Unloaded', loaded, (target) => client.unload(target.name));
          })
          .catch((error: unknown) => say(errorText(error)));
      case 'favourite':
        if (!row) return;
        return void annotations.setFavourite(row.name, !row.favourite).then(refresh);
      case 'tags':
        if (!row) return;
        return setMode({
          kind: 'prompt',
          label: `Tags for ${row.name}:`,
          defaultValue: row.tags.join(' '),
          submit: (value) => annotations.setTags(row.name, parseTags(value)).then(refresh),
        });
      case 'notes':
        if (!row) return;
        return setMode({
          kind: 'prompt',
          label: `Note for ${row.name}:`,
          defaultValue: row.note,
          submit: (value) => annotations.setNote(row.name, value.trim()).then(refresh),
        });
      case 'export':
        return setMode({
          kind: 'prompt',
          label: 'Export model list to:',
          defaultValue: 'ollamamon-models.json',
          submit: async (path) => {
            try {
              const count = await exportModelList(path.trim(), state.rows);
              say(`Exported ${count} models to ${path.trim()}`);
            } catch (error) {
              say(`Export failed: ${errorText(error)}`);
            }
          },
        });
      case 'import':
        return setMode({
          kind: 'prompt',
          label: 'Import model list from:',
          defaultValue: 'ollamamon-models.json',
          submit: async (path) => {
            try {
              const plan = planImport(await readModelList(path.trim()), state.rows);
              if (plan.toPull.length === 0) {
                say(`Nothing to pull: all ${plan.present.length} models are here.`);
                return;
              }
              setMode({
                kind: 'confirm',
                title: `Dry run: ${plan.toPull.length} to pull, ${plan.present.length} already here. Pull them?`,
                lines: plan.toPull.map((name) => `pull ${name}`),
                run: () => pulls.enqueue(plan.toPull),
              });
            } catch (error) {
              say(`Import failed: ${errorText(error)}`);
            }
          },
        });
      case 'refresh':
        return void refresh();
      case 'back':
        if (state.query !== '') dispatch({ type: 'filter-clear' });
        else if (state.selected.size > 0) dispatch({ type: 'clear-selection' });
    }
  };

  const runActionRef = useRef(runAction);
  runActionRef.current = runAction;
  useEffect(() => {
    if (props.request) runActionRef.current(props.request.action);
  }, [props.request]);

  useInput(
    (input, key) => {
      const action = actionFor(props.bindings ?? modelsBindings, input, key);
      if (action) runAction(action as ModelsAction);
    },
    { isActive: props.isActive && mode.kind === 'table' },
  );
  useInput(
    (_input, key) => {
      if (key.escape) {
        dispatch({ type: 'filter-clear' });
        back();
      } else if (key.return || key.downArrow) {
        dispatch({ type: 'filter-end' });
        back();
      }
    },
    { isActive: props.isActive && mode.kind === 'filter' },
  );

  if (mode.kind === 'details') {
    return (
      <ModelDetails services={services} model={mode.model} height={props.height} onClose={back} />
    );
  }

  const selectedBytes = targetRows(state)
    .filter((row) => state.selected.has(row.name))
    .reduce((total, row) => total + row.sizeBytes, 0);
  return (
    <Box flexDirection="column">
      <Text color={theme.text.muted} wrap="truncate-end">
        {state.query ? `filter: ${state.query} · ` : ''}
        {rows.length}/{state.rows.length} models · sort {state.sortColumn}{' '}
        {state.sortDirection === 'ascending' ? '▲' : '▼'}
        {state.selected.size > 0
          ? ` · ${state.selected.size} selected (${formatBytes(selectedBytes)})`
          : ''}
        {' · '}f filter · s sort · space select · m details · d delete · p pull
      </Text>
      {mode.kind === 'filter' ? (
        <FilterInput
          query={state.query}
          onChange={(query) => dispatch({ type: 'filter-change', query })}
        />
      ) : null}
      {data.rows === undefined ? (
        <Text color={theme.text.muted}>
          {data.error ? `Cannot list models: ${data.error}` : 'Loading models…'}
        </Text>
      ) : (
        <ModelsTable
          rows={rows}
          cursor={state.cursor}
          selected={state.selected}
          sortColumn={state.sortColumn}
          sortDirection={state.sortDirection}
          height={tableHeight}
          width={columns}
        />
      )}
      {mode.kind === 'confirm' ? (
        <ConfirmBox
          title={mode.title}
          lines={mode.lines}
          footer={mode.footer}
          onCancel={back}
          onConfirm={() => {
            back();
            void Promise.resolve(mode.run()).catch((error: unknown) => say(errorText(error)));
          }}
        />
      ) : null}
      {mode.kind === 'prompt' ? (
        <PromptLine
          label={mode.label}
          defaultValue={mode.defaultValue}
          placeholder={mode.placeholder}
          onCancel={back}
          onSubmit={(value) => {
            back();
            void Promise.resolve(mode.submit(value)).catch((error: unknown) =>
              say(errorText(error)),
            );
          }}
        />
      ) : null}
      <PullQueueView items={pullsShown} />
      {message && mode.kind === 'table' ? <Text color={theme.status.info}>{message}</Text> : null}
    </Box>
  );
}

function FilterInput(props: { query: string; onChange: (query: string) => void }) {
  // Enter and Esc are handled by the screen (keep or clear the filter).
  return (
    <PromptLine
      label="Filter:"
      defaultValue={props.query}
      placeholder="a b = AND · a|b = OR · size>4g family:llama cap:vision is:loaded tag:x"
      onChange={props.onChange}
      onSubmit={() => undefined}
      onCancel={() => undefined}
    />
  );
}
