/**
 * OSC 52 "set clipboard": terminals that allow it (kitty, iTerm2, WezTerm, foot, Windows Terminal, xterm with
 * allowWindowOps, tmux with set-clipboard on) copy the text to the system clipboard. Others ignore it silently.
 */
export const osc52Sequence = (text: string): string =>
  `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
