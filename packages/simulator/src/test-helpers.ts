/** Test helper: one raw HTTP call, with the body as text and, when it parses, as JSON. */
export interface RawResponse {
  status: number;
  contentType: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Ollama shapes
  json: any;
  lines: unknown[];
}

export async function call(
  url: string,
  path: string,
  options: {
    method?: string;
    body?: unknown;
    raw?: string | Uint8Array;
    signal?: AbortSignal;
  } = {},
): Promise<RawResponse> {
  const method =
    options.method ?? (options.body === undefined && options.raw === undefined ? 'GET' : 'POST');
  const body =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${url}${path}`, { method, body, signal: options.signal });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const lines = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return line;
      }
    });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json,
    lines,
  };
}
