import { describe, expect, it } from 'vitest';
import { connectableHost, DEFAULT_HOST, parseHost } from './parse-host';

describe('parseHost', () => {
  // Every example of ollama-api.md §3, plus what users type.
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'http://127.0.0.1:11434'],
    ['', 'http://127.0.0.1:11434'],
    ['   ', 'http://127.0.0.1:11434'],
    ['""', 'http://127.0.0.1:11434'],
    ["''", 'http://127.0.0.1:11434'],
    ['1.2.3.4', 'http://1.2.3.4:11434'],
    ['"1.2.3.4"', 'http://1.2.3.4:11434'],
    [" '1.2.3.4' ", 'http://1.2.3.4:11434'],
    ['"\'1.2.3.4\'"', 'http://1.2.3.4:11434'],
    ['  1.2.3.4:5678  ', 'http://1.2.3.4:5678'],
    [':1234', 'http://:1234'],
    ['1.2.3.4:1234', 'http://1.2.3.4:1234'],
    ['example.com', 'http://example.com:11434'],
    ['example.com:1234', 'http://example.com:1234'],
    ['localhost', 'http://localhost:11434'],
    ['0.0.0.0', 'http://0.0.0.0:11434'],
    ['0.0.0.0:11434', 'http://0.0.0.0:11434'],
    ['http://1.2.3.4', 'http://1.2.3.4:80'],
    ['http://1.2.3.4:4321', 'http://1.2.3.4:4321'],
    ['https://1.2.3.4', 'https://1.2.3.4:443'],
    ['https://1.2.3.4:4321', 'https://1.2.3.4:4321'],
    ['https://example.com', 'https://example.com:443'],
    ['http://example.com', 'http://example.com:80'],
    ['ollama.com', 'https://ollama.com:443'],
    ['https://ollama.com', 'https://ollama.com:443'],
    ['ollama.com:11434', 'http://ollama.com:11434'],
    // IPv6, with and without brackets
    ['::1', 'http://[::1]:11434'],
    ['[::1]', 'http://[::1]:11434'],
    ['[::1]:1234', 'http://[::1]:1234'],
    ['::', 'http://[::]:11434'],
    ['[::]:8080', 'http://[::]:8080'],
    ['http://[::1]', 'http://[::1]:80'],
    ['https://[::1]:4321', 'https://[::1]:4321'],
    ['[[::1]]', 'http://[::1]:11434'],
    ['0:0:0:0:0:0:0:1', 'http://[::1]:11434'],
    ['[0:0:0:0:0:0:0:1]', 'http://[::1]:11434'],
    ['2001:DB8::1', 'http://[2001:db8::1]:11434'],
    ['::ffff:1.2.3.4', 'http://1.2.3.4:11434'],
    ['::1:8080', 'http://[::1:8080]:11434'],
    ['fe80::1%eth0', 'http://[fe80::1%25eth0]:11434'],
    // bad ports fall back to the default port of the scheme
    ['1.2.3.4:', 'http://1.2.3.4:11434'],
    ['1.2.3.4:abc', 'http://1.2.3.4:11434'],
    ['1.2.3.4:65536', 'http://1.2.3.4:11434'],
    ['1.2.3.4:-1', 'http://1.2.3.4:11434'],
    ['1.2.3.4:99999999999', 'http://1.2.3.4:11434'],
    ['https://1.2.3.4:abc', 'https://1.2.3.4:443'],
    ['http://1.2.3.4:70000', 'http://1.2.3.4:80'],
    ['1.2.3.4:0', 'http://1.2.3.4:0'],
    ['1.2.3.4:65535', 'http://1.2.3.4:65535'],
    ['1.2.3.4:+80', 'http://1.2.3.4:+80'],
    // paths
    ['https://example.com/ollama', 'https://example.com:443/ollama'],
    ['https://x/ollama/', 'https://x:443/ollama/'],
    ['host/', 'http://host:11434'],
    ['example.com:56789/', 'http://example.com:56789'],
    ['example.com/ollama/', 'http://example.com:11434/ollama/'],
    ['http://1.2.3.4:1234/a/b', 'http://1.2.3.4:1234/a/b'],
    ['example.com/with space', 'http://example.com:11434/with%20space'],
    // other schemes are kept as written, with the default port 11434
    ['HTTP://1.2.3.4', 'HTTP://1.2.3.4:11434'],
    ['ftp://1.2.3.4', 'ftp://1.2.3.4:11434'],
    ['http://', 'http://127.0.0.1:80'],
    ['https://', 'https://127.0.0.1:443'],
    // oddities kept as Ollama keeps them
    ['01.2.3.4', 'http://01.2.3.4:11434'],
    ['a b', 'http://a%20b:11434'],
    // user info is not special to the server: the whole thing becomes a (bracketed) host
    ['http://john:doe@site.com:3000/', 'http://[john:doe%40site.com:3000]:80'],
    ['https://[::1]:abc/x', 'https://[::1]:443/x'],
    ['[::1]:', 'http://[::1]:11434'],
    ['[::1', 'http://[::1]:11434'],
    ['0.0.0.0:-0', 'http://0.0.0.0:-0'],
  ];

  it.each(cases)('parses %j as %s', (input, expected) => {
    expect(parseHost(input)).toBe(expected);
  });

  it('defaults to Ollama’s address', () => {
    expect(parseHost()).toBe(DEFAULT_HOST);
  });

  it('follows the server, not ollama-js, for a bare port', () => {
    // ollama-js's formatHost gives http://127.0.0.1:56789 here (ollama-api.md §8).
    expect(parseHost(':56789')).toBe('http://:56789');
  });
});

describe('connectableHost', () => {
  const cases: Array<[string | undefined, string]> = [
    [undefined, 'http://127.0.0.1:11434'],
    ['0.0.0.0', 'http://127.0.0.1:11434'],
    ['0.0.0.0:8080', 'http://127.0.0.1:8080'],
    ['http://0.0.0.0', 'http://127.0.0.1:80'],
    ['::', 'http://[::1]:11434'],
    ['[::]:11434', 'http://[::1]:11434'],
    ['[0:0::0]:5', 'http://[::1]:5'],
    ['https://[::]/ollama', 'https://[::1]:443/ollama'],
    ['1.2.3.4', 'http://1.2.3.4:11434'],
    ['example.com', 'http://example.com:11434'],
    ['[::1]', 'http://[::1]:11434'],
    [':1234', 'http://:1234'],
  ];

  it.each(cases)('turns %j into %s', (input, expected) => {
    expect(connectableHost(input)).toBe(expected);
  });
});
