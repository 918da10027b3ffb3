import {
  escapeHost,
  escapePath,
  formatIP,
  isIPv4,
  isUnspecified,
  joinHostPort,
  parseInt32,
  parseIP,
  splitHostPort,
} from './go-net';

/** Ollama's default base URL. */
export const DEFAULT_HOST = 'http://127.0.0.1:11434';

interface HostParts {
  scheme: string;
  host: string;
  port: string;
  path: string;
}

/** `envconfig.Var`: trim spaces, then any run of leading/trailing `"` or `'`, then spaces again. */
function clean(value: string): string {
  return value
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();
}

/** A port of Ollama's `envconfig.Host()` (ollama-api.md §3), returning the parts. */
function hostParts(value: string | undefined): HostParts {
  let defaultPort = '11434';
  const s = clean(value ?? '');
  const separator = s.indexOf('://');
  let scheme: string;
  let hostport: string;
  if (separator < 0) {
    scheme = 'http';
    hostport = s;
    if (s === 'ollama.com') {
      scheme = 'https';
      hostport = 'ollama.com:443';
    }
  } else {
    scheme = s.slice(0, separator);
    hostport = s.slice(separator + 3);
    if (scheme === 'http') defaultPort = '80';
    else if (scheme === 'https') defaultPort = '443';
  }
  let path = '';
  const slash = hostport.indexOf('/');
  if (slash >= 0) {
    path = hostport.slice(slash + 1);
    hostport = hostport.slice(0, slash);
  }
  let host: string;
  let port: string;
  const split = splitHostPort(hostport);
  if (split) {
    host = split.host;
    port = split.port;
  } else {
    host = '127.0.0.1';
    port = defaultPort;
    const ip = parseIP(hostport.replace(/^[[\]]+|[[\]]+$/g, ''));
    if (ip) host = formatIP(ip);
    else if (hostport !== '') host = hostport;
  }
  const portNumber = parseInt32(port);
  if (portNumber === undefined || portNumber > 65535 || portNumber < 0) port = defaultPort;
  return { scheme, host, port, path };
}

/** `url.URL{Scheme, Host, Path}.String()`. */
function format(parts: HostParts): string {
  const hostport = escapeHost(joinHostPort(parts.host, parts.port));
  const path = escapePath(parts.path);
  return `${parts.scheme}://${hostport}${path === '' ? '' : `/${path}`}`;
}

/**
 * Turn an `OLLAMA_HOST`-style value into a base URL exactly as Ollama's server does
 * (`envconfig.Host`): default `http://127.0.0.1:11434`; outer spaces and quotes trimmed; scheme
 * defaults to `http`, default port 80 for `http://`, 443 for `https://`, 11434 otherwise; IPv6
 * with or without brackets; a path after the host is kept; an invalid port falls back to the
 * default port; `ollama.com` alone means `https://ollama.com:443`.
 *
 * Unlike ollama-js's `formatHost`, `:1234` gives `http://:1234` (empty host, as the server
 * binds all interfaces); use {@link connectableHost} for an address a client can dial.
 *
 * @example parseHost('0.0.0.0') // 'http://0.0.0.0:11434'
 * @example parseHost('https://example.com/ollama') // 'https://example.com:443/ollama'
 */
export function parseHost(value?: string): string {
  return format(hostParts(value));
}

/**
 * {@link parseHost}, then the unspecified bind addresses become loopback as in Ollama's
 * `envconfig.ConnectableHost()`: `0.0.0.0` → `127.0.0.1`, `::` → `::1`.
 *
 * @example connectableHost('0.0.0.0:8080') // 'http://127.0.0.1:8080'
 */
export function connectableHost(value?: string): string {
  const parts = hostParts(value);
  const ip = parseIP(parts.host);
  if (ip && isUnspecified(ip)) parts.host = isIPv4(ip) ? '127.0.0.1' : '::1';
  return format(parts);
}
