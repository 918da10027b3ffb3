// node examples/create-request.ts — the /api/create body `ollama create` would send
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type ResolveFile, toCreateRequest } from '@ollamamon/modelfile';

// Paths are the caller's business: resolve against the Modelfile's directory, hash the file.
const directory = process.cwd();
const resolveFile: ResolveFile = (path) => {
  const absolute = resolve(directory, path);
  if (!existsSync(absolute) || !statSync(absolute).isFile()) return null; // a model name, not a file
  const digest = createHash('sha256').update(readFileSync(absolute)).digest('hex');
  return { path: absolute, files: { [basename(absolute)]: `sha256:${digest}` } };
};

const { request, warnings } = await toCreateRequest(
  `FROM llama3.2
PARAMETER num_ctx 8192
PARAMETER stop <|eot_id|>
PARAMETER stop </s>
PARAMETER mirostat 2
SYSTEM You are a pirate.
`,
  { model: 'pirate', resolveFile },
);
for (const warning of warnings) console.log(warning.ollamaMessage);
console.log(JSON.stringify(request, null, 2));
// POST it: await fetch('http://127.0.0.1:11434/api/create', { method: 'POST', body: JSON.stringify(request) })
