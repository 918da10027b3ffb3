import { createContext, createElement, type ReactNode, useContext } from 'react';

/** A colour name or hex Ink understands, or undefined for "the terminal's default" (NO_COLOR). */
type Color = string | undefined;

/**
 * Semantic colour tokens. Components use these (`theme.status.error`), never raw colour names, so the
 * light theme and NO_COLOR only change this file.
 */
export interface Theme {
  readonly name: ThemeName;
  /** False under NO_COLOR: components may use bold/inverse/underline for emphasis, never colour. */
  readonly color: boolean;
  readonly text: { readonly primary: Color; readonly muted: Color; readonly accent: Color };
  readonly status: {
    readonly ok: Color;
    readonly warning: Color;
    readonly error: Color;
    readonly info: Color;
  };
  readonly border: Color;
  readonly tab: { readonly active: Color; readonly inactive: Color };
  /** Selected table row: drawn with `inverse` so it stays visible without colour. */
  readonly selection: { readonly foreground: Color; readonly background: Color };
  readonly badge: { readonly favourite: Color; readonly outdated: Color; readonly loaded: Color };
  readonly progress: { readonly done: Color; readonly remaining: Color };
  /** Token colours for highlighted Modelfiles, Markdown and code. */
  readonly syntax: {
    readonly keyword: Color;
    readonly string: Color;
    readonly number: Color;
    readonly comment: Color;
    readonly parameter: Color;
    readonly punctuation: Color;
    readonly heading: Color;
    readonly code: Color;
  };
}

export type ThemeName = 'dark' | 'light' | 'no-color';

export const darkTheme: Theme = {
  name: 'dark',
  color: true,
  text: { primary: undefined, muted: 'gray', accent: 'cyan' },
  status: { ok: 'green', warning: 'yellow', error: 'red', info: 'blue' },
  border: 'gray',
  tab: { active: 'cyan', inactive: 'gray' },
  selection: { foreground: undefined, background: undefined },
  badge: { favourite: 'yellow', outdated: 'magenta', loaded: 'green' },
  progress: { done: 'green', remaining: 'gray' },
  syntax: {
    keyword: 'magenta',
    string: 'green',
    number: 'yellow',
    comment: 'gray',
    parameter: 'cyan',
    punctuation: 'gray',
    heading: 'cyan',
    code: 'yellow',
  },
};

export const lightTheme: Theme = {
  name: 'light',
  color: true,
  text: { primary: undefined, muted: '#666666', accent: 'blue' },
  status: { ok: '#007700', warning: '#995500', error: '#bb0000', info: 'blue' },
  border: '#888888',
  tab: { active: 'blue', inactive: '#666666' },
  selection: { foreground: undefined, background: undefined },
  badge: { favourite: '#995500', outdated: 'magenta', loaded: '#007700' },
  progress: { done: '#007700', remaining: '#aaaaaa' },
  syntax: {
    keyword: 'magenta',
    string: '#007700',
    number: '#995500',
    comment: '#777777',
    parameter: 'blue',
    punctuation: '#777777',
    heading: 'blue',
    code: '#995500',
  },
};

export const noColorTheme: Theme = {
  name: 'no-color',
  color: false,
  text: { primary: undefined, muted: undefined, accent: undefined },
  status: { ok: undefined, warning: undefined, error: undefined, info: undefined },
  border: undefined,
  tab: { active: undefined, inactive: undefined },
  selection: { foreground: undefined, background: undefined },
  badge: { favourite: undefined, outdated: undefined, loaded: undefined },
  progress: { done: undefined, remaining: undefined },
  syntax: {
    keyword: undefined,
    string: undefined,
    number: undefined,
    comment: undefined,
    parameter: undefined,
    punctuation: undefined,
    heading: undefined,
    code: undefined,
  },
};

export const themes: Readonly<Record<ThemeName, Theme>> = {
  dark: darkTheme,
  light: lightTheme,
  'no-color': noColorTheme,
};

/**
 * Picks the theme: NO_COLOR (any non-empty value, https://no-color.org) wins over everything, then the requested
 * name, then dark.
 */
export function resolveTheme(options: {
  requested?: string | undefined;
  noColor?: string | undefined;
}): Theme {
  if (options.noColor !== undefined && options.noColor !== '') return noColorTheme;
  const requested = options.requested;
  if (requested === 'light' || requested === 'dark' || requested === 'no-color')
    return themes[requested];
  return darkTheme;
}

const ThemeContext = createContext<Theme>(darkTheme);

/** Supplies the theme to `useTheme()` below it. */
export function ThemeProvider(props: { theme: Theme; children?: ReactNode }) {
  return createElement(ThemeContext.Provider, { value: props.theme }, props.children);
}

/** The active theme's semantic colour tokens. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
