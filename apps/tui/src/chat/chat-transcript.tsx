import { memo, useMemo } from 'react';
import { type ChatSession, useSessionValue } from './chat-session.js';
import { transcriptWindow } from './transcript.js';
import { TranscriptView } from './transcript-view.js';

export type ChatTranscriptProps = {
  session: ChatSession;
  width: number;
  height: number;
  /** The bench's naive variant: the whole transcript, however tall. */
  unbounded?: boolean;
  scrollRows: number;
  expandThinking: boolean;
};

/**
 * The live region of the chat: the only part of the screen that subscribes to the streaming reply, so a
 * flush re-renders this window of the transcript and nothing around it (tab bar, status bar, prompt, footer).
 */
export const ChatTranscript = memo(
  ({ session, width, height, unbounded, scrollRows, expandThinking }: ChatTranscriptProps) => {
    const messages = useSessionValue(session, (state) => state.messages);
    const streaming = useSessionValue(session, (state) => state.streaming);
    const visible = useMemo(
      () =>
        transcriptWindow({
          messages,
          streaming,
          width,
          height: unbounded ? Number.MAX_SAFE_INTEGER : height,
          scrollRows,
          expandThinking,
        }),
      [messages, streaming, width, height, unbounded, scrollRows, expandThinking],
    );
    return (
      <TranscriptView
        items={visible.items}
        hiddenAbove={visible.hiddenAbove}
        height={height}
        expandThinking={expandThinking}
      />
    );
  },
);
