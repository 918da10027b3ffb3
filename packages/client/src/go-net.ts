/**
 * Small, exact ports of the Go standard library functions Ollama's `envconfig.Host` relies on:
 * `net.SplitHostPort`, `net.JoinHostPort`, `net.ParseIP` + `IP.String`, `strconv.ParseInt`
 * and the escaping done by `url.URL.String`. Kept separate so `parse-host.ts` reads like the Go.
 */

/** `net.SplitHostPort`; `undefined` where Go returns an error. */
export function splitHostPort(hostport: string): { host: string; port: string } | undefined {
  const i = hostport.lastIndexOf(':');
  if (i < 0) return undefined; // missing port
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) return undefined; // missing ']'
    if (end + 1 === hostport.length) return undefined; // missing port
    if (end + 1 !== i) return undefined; // too many colons or missing port
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return undefined; // too many colons
  }
  if (hostport.slice(j).includes('[')) return undefined;
  if (hostport.slice(k).includes(']')) return undefined;
  return { host, port: hostport.slice(i + 1) };
}

/** `net.JoinHostPort`: brackets a host that contains a colon. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `strconv.ParseInt(s, 10, 32)`; `undefined` on error (syntax or range). */
export function parseInt32(value: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(value)) return undefined;
  const n = Number(value);
  if (n > 2147483647 || n < -2147483648) return undefined;
  return n;
}

/** 16 bytes, as Go stores every IP (IPv4 as `::ffff:a.b.c.d`). */
export type IpBytes = Uint8Array;

function parseIPv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    // Go rejects empty fields, non-digits, leading zeros ("01") and values over 255.
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    if (part.length > 1 && part[0] === '0') return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseIPv6(s: string): IpBytes | undefined {
  const ip = new Uint8Array(16);
  let ellipsis = -1;
  let rest = s;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return ip;
  }
  let i = 0;
  while (i < 16) {
    const match = /^[0-9a-fA-F]{1,4}/.exec(rest);
    if (!match) return undefined;
    const field = match[0];
    // An IPv4 tail (the field is followed by '.').
    if (rest[field.length] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const v4 = parseIPv4(rest);
      if (!v4) return undefined;
      ip.set(v4, i);
      i += 4;
      rest = '';
      break;
    }
    const n = Number.parseInt(field, 16);
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    rest = rest.slice(field.length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j] as number;
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined; // an ellipsis must stand for at least one field
  }
  return ip;
}

/** `net.ParseIP`: 16 bytes, or `undefined` when `s` is not an IP literal (zones are not IPs). */
export function parseIP(s: string): IpBytes | undefined {
  for (const c of s) {
    if (c === '.') {
      const v4 = parseIPv4(s);
      if (!v4) return undefined;
      const ip = new Uint8Array(16);
      ip[10] = 0xff;
      ip[11] = 0xff;
      ip.set(v4, 12);
      return ip;
    }
    if (c === ':') return parseIPv6(s);
  }
  return undefined;
}

function isV4InV6(ip: IpBytes): boolean {
  for (let i = 0; i < 10; i++) if (ip[i] !== 0) return false;
  return ip[10] === 0xff && ip[11] === 0xff;
}

/** `IP.String()`: dotted IPv4 for v4-in-v6, otherwise RFC 5952 IPv6 (longest zero run as `::`). */
export function formatIP(ip: IpBytes): string {
  if (isV4InV6(ip)) return `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`;
  let e0 = -1;
  let e1 = -1;
  for (let i = 0; i < 16; i += 2) {
    let j = i;
    while (j < 16 && ip[j] === 0 && ip[j + 1] === 0) j += 2;
    if (j > i && j - i > e1 - e0 && j - i > 2) {
      e0 = i;
      e1 = j;
      i = j;
    }
  }
  let out = '';
  for (let i = 0; i < 16; i += 2) {
    if (i === e0) {
      out += '::';
      i = e1;
      if (i >= 16) break;
    } else if (i > 0) {
      out += ':';
    }
    out += (((ip[i] as number) << 8) | (ip[i + 1] as number)).toString(16);
  }
  return out;
}

/** `IP.IsUnspecified()`: `0.0.0.0` or `::`. */
export function isUnspecified(ip: IpBytes): boolean {
  const zero = ip.every((byte) => byte === 0);
  if (zero) return true;
  return isV4InV6(ip) && ip[12] === 0 && ip[13] === 0 && ip[14] === 0 && ip[15] === 0;
}

/** `IP.To4() != nil`. */
export function isIPv4(ip: IpBytes): boolean {
  return isV4InV6(ip);
}

const hex = '0123456789ABCDEF';

function percentEncode(c: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(c)) {
    out += `%${hex[byte >> 4]}${hex[byte & 15]}`;
  }
  return out;
}

function isUnreservedAlnum(c: string): boolean {
  return /^[A-Za-z0-9]$/.test(c);
}

/** `url.escape(s, encodeHost)`. */
export function escapeHost(s: string): string {
  let out = '';
  for (const c of s) {
    if (isUnreservedAlnum(c) || '-_.~'.includes(c) || '!$&\'()*+,;=:[]<>"'.includes(c)) out += c;
    else out += percentEncode(c);
  }
  return out;
}

/** `url.escape(s, encodePath)` as used by `URL.EscapedPath` when there is no RawPath. */
export function escapePath(s: string): string {
  let out = '';
  for (const c of s) {
    if (isUnreservedAlnum(c) || '-_.~$&+,/:;=@'.includes(c)) out += c;
    else out += percentEncode(c);
  }
  return out;
}
