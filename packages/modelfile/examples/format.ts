// node examples/format.ts — Ollama's own serialisation, and the lossless pretty form for editors
import { formatModelfile, parseModelfile } from '@ollamamon/modelfile';

const source = `# tuned for summaries
FROM llama3.2

PARAMETER temperature 0.7   # (not a comment: part of the value!)
SYSTEM "Summarise the text."
`;
const modelfile = parseModelfile(source);

console.log(formatModelfile(modelfile)); // as `ollama show --modelfile` writes it: comments gone

const commands = modelfile.commands.map((command) =>
  command.name === 'system' ? { ...command, args: ' Summarise the text in one line.' } : command,
);
console.log(formatModelfile({ ...modelfile, commands }, { pretty: true })); // comments and blank lines kept
