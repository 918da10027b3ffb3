// node examples/lint.ts — list what Ollama would reject or misread
import { lintModelfile } from '@ollamamon/modelfile';

const diagnostics = lintModelfile(`FROM <model>
PARAMETER temprature 0.7
PARAMETER num_ctx 4k
PARAMETER mirostat 2
SYSTEM "Be brief." Always.
MESSAGE User Hello
`);

for (const { severity, code, range, message } of diagnostics) {
  console.log(`${range.start.line}:${range.start.column} ${severity} ${code}: ${message}`);
}
