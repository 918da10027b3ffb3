const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/**
 * Formats a byte count in decimal units, as Ollama's own CLI does (`ollama ls`: 4.7 GB).
 * @example formatBytes(4_661_224_676) // '4.7 GB'
 */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '-';
  if (bytes < 0) return `-${formatBytes(-bytes)}`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  const digits = value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/**
 * Parses a size like `4g`, `4GB`, `500mb`, `1.5 GiB` or `123` (bytes) into bytes, or undefined.
 * Decimal units (k=1e3) for KB/MB/GB, binary for KiB/MiB/GiB.
 */
export function parseBytes(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?)(i?)(b?)\s*$/iu.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const prefix = (match[2] ?? '').toLowerCase();
  const base = match[3] ? 1024 : 1000;
  const power = ['', 'k', 'm', 'g', 't', 'p'].indexOf(prefix);
  return Math.round(value * base ** power);
}
