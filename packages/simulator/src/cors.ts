/**
 * Ollama's CORS (gin-contrib/cors with OLLAMA_ORIGINS, ollama-api.md §1 and §3): requests
 * without an Origin, or from the server's own origin, pass; an allowed origin gets
 * `Access-Control-Allow-Origin`; an OPTIONS preflight is answered 204; any other origin gets 403.
 */
const builtInOrigins = [
  ...['localhost', '127.0.0.1', '0.0.0.0'].flatMap((host) => [
    `http://${host}`,
    `https://${host}`,
    `http://${host}:*`,
    `https://${host}:*`,
  ]),
  'app://*',
  'file://*',
  'tauri://*',
  'vscode-webview://*',
  'vscode-file://*',
];

const browserExtensions = [
  'chrome-extension://',
  'safari-extension://',
  'moz-extension://',
  'ms-browser-extension://',
];

const allowedHeaders = [
  'Authorization',
  'Content-Type',
  'User-Agent',
  'Accept',
  'X-Requested-With',
  'OpenAI-Beta',
  'x-stainless-arch',
  'x-stainless-async',
  'x-stainless-custom-poll-interval',
  'x-stainless-helper-method',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-poll-helper',
  'x-stainless-retry-count',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'x-stainless-timeout',
];

function matches(pattern: string, origin: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === origin;
  return origin.startsWith(pattern.slice(0, star)) && origin.endsWith(pattern.slice(star + 1));
}

export type CorsDecision =
  | { kind: 'none' }
  | { kind: 'forbidden' }
  | { kind: 'preflight'; headers: Record<string, string> }
  | { kind: 'allow'; headers: Record<string, string> };

/** Decides what CORS does with a request; `extraOrigins` are OLLAMA_ORIGINS (checked first). */
export function corsDecision(
  request: { origin: string | null; host: string | null; method: string },
  extraOrigins: readonly string[],
): CorsDecision {
  const { origin, host, method } = request;
  if (!origin) return { kind: 'none' };
  if (host && (origin === `http://${host}` || origin === `https://${host}`))
    return { kind: 'none' };
  const allowed =
    [...extraOrigins, ...builtInOrigins].some(
      (pattern) => pattern === '*' || matches(pattern, origin),
    ) || browserExtensions.some((prefix) => origin.startsWith(prefix));
  if (!allowed) return { kind: 'forbidden' };
  if (method === 'OPTIONS') {
    return {
      kind: 'preflight',
      headers: {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS',
        'Access-Control-Allow-Headers': allowedHeaders.join(','),
        'Access-Control-Max-Age': '43200',
        Vary: 'Origin',
      },
    };
  }
  return { kind: 'allow', headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } };
}
