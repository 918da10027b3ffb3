/**
 * Loads Ink (and so yoga-layout's WebAssembly) without Node's `fetch`.
 *
 * yoga-layout's Emscripten loader fetches its inlined `data:` URI with `fetch` whenever `fetch` is a function.
 * In Node that first touch of `fetch` loads undici (~100+ ms) before the first frame can be drawn; without
 * `fetch` the loader decodes the same bytes synchronously. `fetch` is hidden only while Ink's modules
 * evaluate (nothing else is loaded here) and put back exactly as it was (Node's lazy getter).
 */
export async function loadInk(): Promise<void> {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = descriptor?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true });
  try {
    await import('ink');
  } finally {
    if (hide && descriptor) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
