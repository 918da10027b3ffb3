import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Box, Text, useInput, useStdout, useWindowSize } from 'ink';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { actionFor } from '../keymap.js';
import type { AppServices } from '../services.js';
import { useTheme } from '../theme.js';
import { chatBindings } from './bindings.js';
import { type ChatClientLike, createChatDriver } from './chat-driver.js';
import { fieldsFrom } from './chat-options-form.js';
import { type ChatStoreLike, loadStoredChat } from './chat-record.js';
import { createChatSession, useSessionValue } from './chat-session.js';
import { ChatSettings } from './chat-settings.js';
import { chatTotals } from './chat-state.js';
import { ChatTranscript } from './chat-transcript.js';
import { formatTotals } from './format-metrics.js';
import { codeBlocks } from './markdown/parse-markdown.js';
import { ModelPicker } from './model-picker.js';
import { osc52Sequence } from './osc52.js';
import { PastChats } from './past-chats.js';
import { pickDefaultModel } from './pick-model.js';
import { PromptInput } from './prompt-input/prompt-input.js';
import { type ChatRenderMode, chatRenderMode } from './render-mode.js';

export type ChatScreenProps = {
  services: AppServices;
  isActive: boolean;
  /** Told whether the screen's text input has the keyboard (global single-letter keys must then not fire). */
  onCaptureInput?: (captured: boolean) => void;
  /** Rows the screen may use. @default the terminal's rows minus the shell's tab and status bars */
  height?: number;
  /** @default from OLLAMAMON_CHAT_RENDER (the bench's naive variant), else 'coalesced' */
  renderMode?: ChatRenderMode;
};

type Overlay = 'none' | 'past' | 'model' | 'settings';
type ListedModel = { name: string; details?: { family?: string | null } | null };

/** The store's chats, when the services carry a store that has them. */
const chatsOf = (store: unknown): ChatStoreLike | undefined => {
  const chats = (store as { chats?: unknown } | undefined)?.chats;
  return chats && typeof (chats as ChatStoreLike).append === 'function'
    ? (chats as ChatStoreLike)
    : undefined;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'chat';

/**
 * The Chat tab: streaming replies rendered as Markdown, coalesced to ~30 updates a second, a transcript
 * windowed to the screen, past chats with full-text search and resume, model switch mid-chat, per-chat
 * system prompt and options, metrics per reply and for the chat, OSC 52 copy and Markdown export.
 */
export const ChatScreen = ({
  services,
  isActive,
  onCaptureInput,
  height,
  renderMode,
}: ChatScreenProps) => {
  const theme = useTheme();
  const { stdout } = useStdout();
  const { columns, rows } = useWindowSize();
  const screenHeight = height ?? Math.max(8, rows - 3);
  const mode = renderMode ?? chatRenderMode();
  const chats = useMemo(() => chatsOf(services.store), [services]);
  const session = useMemo(() => createChatSession(), []);
  // Only what the shell of the screen shows: a streaming flush changes none of these, so it re-renders the
  // transcript alone (ChatTranscript subscribes to the streaming reply itself).
  const messages = useSessionValue(session, (state) => state.messages);
  const model = useSessionValue(session, (state) => state.model);
  const system = useSessionValue(session, (state) => state.system);
  const chatOptions = useSessionValue(session, (state) => state.options);
  const error = useSessionValue(session, (state) => state.error);
  const title = useSessionValue(session, (state) => state.title);
  const streaming = useSessionValue(session, (state) => state.streaming !== undefined);
  const [notice, setNotice] = useState<{ text: string; error?: boolean }>();
  const driver = useMemo(
    () =>
      createChatDriver({
        client: () => services.client() as unknown as ChatClientLike,
        dispatch: session.dispatch,
        getState: session.getState,
        chats,
        flushIntervalMs: mode === 'coalesced' ? 33 : 0,
        onPersistError: (error) =>
          setNotice({ text: `not saved: ${messageOf(error)}`, error: true }),
        onReply: ({ model, metrics }) => {
          // Keyed as the Models tab reads it: the active host's URL.
          const host = services.activeHost().url;
          // "Last used" and speed over time for the Models tab, and the monitor's per-model tracking.
          services.store?.usage.record({
            host,
            model,
            promptTokens: metrics.promptTokens,
            outputTokens: metrics.outputTokens,
            loadMs: metrics.loadMs,
            tokensPerSecond: metrics.outputTokensPerSecond,
          });
          services.monitor?.performance.observe({
            host,
            model,
            timings: {
              loadMs: metrics.loadMs,
              promptEvalCount: metrics.promptTokens,
              promptTokensPerSecond: metrics.promptTokensPerSecond,
              evalCount: metrics.outputTokens,
              evalTokensPerSecond: metrics.outputTokensPerSecond,
              totalMs: metrics.totalMs,
            },
          });
        },
      }),
    [services, session, chats, mode],
  );
  useEffect(() => () => driver.dispose(), [driver]);

  const [models, setModels] = useState<string[]>([]);
  const loadModels = useCallback(async () => {
    try {
      const listed = [...((await services.client().list()).models as readonly ListedModel[])].sort(
        (left, right) => left.name.localeCompare(right.name),
      );
      const names = listed.map((model) => model.name);
      setModels(names);
      const current = session.getState().model;
      if (!current || !names.includes(current)) {
        const lastUsed = chats?.list({ limit: 1 })[0]?.model;
        const model = pickDefaultModel(listed, current ?? lastUsed);
        if (model && model !== current) session.dispatch({ type: 'switch-model', model });
      }
    } catch (error) {
      setNotice({ text: `could not list models: ${messageOf(error)}`, error: true });
    }
  }, [services, session, chats]);
  useEffect(() => {
    void loadModels();
    return services.subscribe(() => void loadModels());
  }, [services, loadModels]);

  const [overlay, setOverlayState] = useState<Overlay>('none');
  const [focus, setFocusState] = useState<'input' | 'transcript'>('input');
  // Report the capture in the same update as the change (an effect would run after the frame is drawn, and
  // a key pressed in between would go to the wrong place).
  const setFocus = (
    next: 'input' | 'transcript' | ((current: 'input' | 'transcript') => 'input' | 'transcript'),
  ) => {
    const value = typeof next === 'function' ? next(focus) : next;
    setFocusState(value);
    if (isActive) onCaptureInput?.(value === 'input' || overlay !== 'none');
  };
  const setOverlay = (value: Overlay) => {
    setOverlayState(value);
    if (isActive) onCaptureInput?.(focus === 'input' || value !== 'none');
  };
  const [scrollRows, setScrollRows] = useState(0);
  const [expandThinking, setExpandThinking] = useState(false);

  useEffect(() => {
    if (isActive) onCaptureInput?.(focus === 'input' || overlay !== 'none');
  }, [isActive, focus, overlay, onCaptureInput]);

  const transcriptHeight = Math.max(3, screenHeight - 3);

  const lastReply = messages.findLast((message) => message.role === 'assistant');
  const copy = (text: string | undefined, what: string) => {
    if (!text) {
      setNotice({ text: `no ${what} to copy yet` });
      return;
    }
    stdout.write(osc52Sequence(text));
    setNotice({
      text: `copied the ${what} (${text.length} characters) where the terminal allows OSC 52`,
    });
  };

  const exportMarkdown = () => {
    const chatId = driver.save();
    if (!chatId || !chats) {
      setNotice({ text: 'nothing to export: the chat is not stored', error: true });
      return;
    }
    try {
      const directory = join(services.home, 'exports');
      mkdirSync(directory, { recursive: true });
      const file = join(
        directory,
        `${slug(title ?? chats.get(chatId)?.title ?? 'chat')}-${chatId.slice(0, 8)}.md`,
      );
      writeFileSync(file, chats.exportMarkdown(chatId));
      setNotice({ text: `exported to ${file}` });
    } catch (error) {
      setNotice({ text: `export failed: ${messageOf(error)}`, error: true });
    }
  };

  const run = (action: (typeof chatBindings)[number]['action']) => {
    switch (action) {
      case 'stop':
        if (session.getState().streaming) driver.stop();
        else setFocus((current) => (current === 'input' ? 'transcript' : 'input'));
        return;
      case 'focus':
        setFocus((current) => (current === 'input' ? 'transcript' : 'input'));
        return;
      case 'new-chat':
        driver.stop();
        session.dispatch({ type: 'new-chat' });
        setScrollRows(0);
        setNotice({ text: 'new chat' });
        return;
      case 'past-chats':
        if (chats) setOverlay('past');
        else setNotice({ text: 'past chats need the store', error: true });
        return;
      case 'switch-model':
        void loadModels();
        setOverlay('model');
        return;
      case 'settings':
        setOverlay('settings');
        return;
      case 'save': {
        const chatId = driver.save();
        setNotice(
          chatId
            ? { text: `saved (chat ${chatId.slice(0, 8)})` }
            : { text: 'not saved: no store', error: true },
        );
        return;
      }
      case 'copy-reply':
        copy(lastReply?.content, 'last reply');
        return;
      case 'copy-code':
        copy(lastReply ? codeBlocks(lastReply.content).at(-1) : undefined, 'last code block');
        return;
      case 'export':
        exportMarkdown();
        return;
      case 'toggle-thinking':
        setExpandThinking((value) => !value);
        return;
      case 'send':
        if (focus === 'transcript') setFocus('input');
        return;
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  };

  useInput(
    (input, key) => {
      if (key.pageUp) {
        setScrollRows((value) => value + Math.max(1, transcriptHeight - 2));
        return;
      }
      if (key.pageDown) {
        setScrollRows((value) => Math.max(0, value - Math.max(1, transcriptHeight - 2)));
        return;
      }
      // While the input has focus, plain letters are text: only Esc, Tab and Ctrl shortcuts act.
      if (focus === 'input' && !key.ctrl && !key.escape && !key.tab) return;
      if (focus === 'transcript' && input === 'i') {
        setFocus('input');
        return;
      }
      const action = actionFor(chatBindings, input, key);
      if (action) run(action);
    },
    { isActive: isActive && overlay === 'none' },
  );

  const closeOverlay = () => setOverlay('none');
  const totals = useMemo(() => chatTotals(messages), [messages]);
  const onSubmit = useCallback(
    (content: string) => {
      if (session.getState().streaming) {
        setNotice({ text: 'wait for the reply or press Esc to stop it' });
        return false;
      }
      setScrollRows(0);
      setNotice(undefined);
      driver.send(content);
      return true;
    },
    [session, driver],
  );
  let body: ReactNode;
  if (overlay === 'past' && chats) {
    body = (
      <PastChats
        isActive={isActive}
        chats={chats}
        height={transcriptHeight}
        onClose={closeOverlay}
        onResume={(chatId) => {
          const chat = chats.get(chatId);
          if (chat) {
            driver.stop();
            const loaded = loadStoredChat(chat, chats.messages(chatId));
            session.dispatch({ type: 'load-chat', chat: loaded });
            driver.resumed(loaded);
            setScrollRows(0);
            setNotice({ text: `resumed “${chat.title}”` });
          }
          closeOverlay();
        }}
      />
    );
  } else if (overlay === 'model') {
    body = (
      <ModelPicker
        isActive={isActive}
        models={models}
        current={model}
        onClose={closeOverlay}
        onPick={(model) => {
          session.dispatch({ type: 'switch-model', model });
          // A stored chat remembers its model at once, for a resume before the next message.
          if (session.getState().chatId) driver.save();
          setNotice({ text: `now chatting with ${model}; the conversation so far goes to it` });
          closeOverlay();
        }}
      />
    );
  } else if (overlay === 'settings') {
    body = (
      <ChatSettings
        isActive={isActive}
        initial={fieldsFrom(system, chatOptions)}
        onClose={closeOverlay}
        onApply={(system, options) => {
          session.dispatch({ type: 'set-system', system });
          session.dispatch({ type: 'set-options', options });
          if (session.getState().chatId) driver.save();
          setNotice({ text: 'settings applied to this chat' });
          closeOverlay();
        }}
      />
    );
  } else {
    body =
      messages.length === 0 && !streaming ? (
        <Box height={transcriptHeight} flexDirection="column" justifyContent="flex-end">
          <Text color={theme.text.muted}>
            {model
              ? `Chat with ${model}. Enter sends · Esc stops · Ctrl+T model · Ctrl+O past chats · Ctrl+P settings · Tab: more keys`
              : 'No chat model on this host yet: pull one on the Models tab.'}
          </Text>
        </Box>
      ) : (
        <ChatTranscript
          session={session}
          width={columns}
          height={transcriptHeight}
          // The naive variant renders the whole transcript on every token, as a first version would.
          unbounded={mode === 'naive'}
          scrollRows={scrollRows}
          expandThinking={expandThinking}
        />
      );
  }

  return (
    <Box flexDirection="column" height={screenHeight}>
      {body}
      <Text
        color={error || notice?.error ? theme.status.error : theme.text.muted}
        wrap="truncate-end"
      >
        {error ? `error: ${error}` : (notice?.text ?? ' ')}
      </Text>
      <Text wrap="truncate-end">
        <Text color={theme.text.accent}>{model ?? 'no model'}</Text>
        <Text color={theme.text.muted}>
          {' · '}
          {formatTotals(totals)}
          {system ? ' · system prompt set' : ''}
          {scrollRows > 0 ? ` · scrolled up ${scrollRows} rows (PgDn)` : ''}
          {focus === 'transcript'
            ? ' · keys: s save · y copy · b code · e export · t thinking · i type'
            : ''}
        </Text>
      </Text>
      <PromptInput
        isActive={isActive && overlay === 'none' && focus === 'input'}
        placeholder={streaming ? 'type the next message (Esc stops the reply)' : 'message'}
        onSubmit={onSubmit}
      />
    </Box>
  );
};
