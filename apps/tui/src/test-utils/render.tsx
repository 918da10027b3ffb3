import { render as inkRender } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { darkTheme, type Theme, ThemeProvider } from '../theme.js';

/**
 * The one render helper for component tests: wraps the tree in the providers the app supplies
 * (theme), as gemini-cli's test-utils/render.tsx does.
 */
export function renderWithProviders(
  tree: ReactElement,
  options: { theme?: Theme } = {},
): ReturnType<typeof inkRender> {
  return inkRender(<ThemeProvider theme={options.theme ?? darkTheme}>{tree}</ThemeProvider>);
}

/** Resolves once `predicate(lastFrame)` holds, polling; rejects with the last frame after `timeoutMs`. */
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 3000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`frame never matched; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets React and Ink process pending input and effects. */
export function tick(milliseconds = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
