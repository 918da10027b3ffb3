/** Mean of the `cpu MHz` lines of /proc/cpuinfo, null when there are none (e.g. many ARM boards). */
export function parseCpuinfoMhz(text: string): number | null {
  const values: number[] = [];
  for (const match of text.matchAll(/^cpu MHz\s*:\s*([\d.]+)/gm)) values.push(Number(match[1]));
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
