// node examples/parse.ts — parse a Modelfile and print Ollama's commands with their positions
import { ModelfileSyntaxError, parseModelfile } from '@ollamamon/modelfile';

const modelfile = parseModelfile(`# a friendly assistant
FROM llama3.2
PARAMETER temperature 0.3
PARAMETER stop <|eot_id|>
SYSTEM """
You are concise.
"""
MESSAGE user Hi!
`);

for (const command of modelfile.commands) {
  console.log(
    `${command.start.line}:${command.start.column}`,
    command.name,
    JSON.stringify(command.args),
  );
}

try {
  parseModelfile('FROM llama3.2\nPARAMETER top-k 20\n');
} catch (error) {
  if (!ModelfileSyntaxError.isInstance(error)) throw error;
  console.log(error.message); // says where, what, and "Did you mean top_k?"
  console.log(error.ollamaMessage); // unexpected EOF: top (exactly what `ollama create` prints)
}
