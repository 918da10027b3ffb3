/** Parses /proc/loadavg (`0.52 0.58 0.59 1/389 12345`). */
export function parseLoadavg(text: string): [number, number, number] {
  const [one = '0', five = '0', fifteen = '0'] = text.trim().split(/\s+/);
  return [Number(one), Number(five), Number(fifteen)];
}
