import type { ExportedChat } from './chat-schemas.ts';

const roleTitles = { system: 'System', user: 'User', assistant: 'Assistant', tool: 'Tool' };

/** Render a chat as a Markdown transcript: a heading, a details line, then one section per message. */
export function formatChatMarkdown(chat: ExportedChat): string {
  const lines: string[] = [`# ${chat.title}`, ''];
  const details = [
    chat.model && `model \`${chat.model}\``,
    chat.host && `host ${chat.host}`,
    `created ${chat.createdAt}`,
  ].filter(Boolean);
  lines.push(`_${details.join(' · ')}_`, '');
  for (const message of chat.messages) {
    const heading = [roleTitles[message.role]];
    if (message.role === 'tool' && message.tool_name) heading.push(`(${message.tool_name})`);
    if (message.role === 'assistant' && message.model && message.model !== chat.model) {
      heading.push(`· \`${message.model}\``);
    }
    lines.push(`## ${heading.join(' ')}`, '');
    if (message.thinking) {
      lines.push(
        '<details><summary>Thinking</summary>',
        '',
        message.thinking,
        '',
        '</details>',
        '',
      );
    }
    if (message.content !== '') lines.push(message.content, '');
    for (const call of message.tool_calls ?? []) {
      lines.push(
        `Tool call \`${call.function.name}\`:`,
        '',
        '```json',
        JSON.stringify(call.function.arguments ?? {}, null, 2),
        '```',
        '',
      );
    }
    for (const image of message.images ?? []) lines.push(`![image](${image})`, '');
    const metrics = message.metrics ?? {};
    const figures = [
      // A reply the user stopped is marked, so a reader knows it was cut short.
      message.doneReason === 'aborted' && 'stopped by the user',
      metrics.outputTokens !== undefined && `${metrics.outputTokens} tokens`,
      metrics.tokensPerSecond !== undefined && `${metrics.tokensPerSecond.toFixed(1)} tok/s`,
      metrics.timeToFirstTokenMs !== undefined &&
        `first token ${Math.round(metrics.timeToFirstTokenMs)} ms`,
      metrics.loadMs !== undefined && `load ${Math.round(metrics.loadMs)} ms`,
    ].filter(Boolean);
    if (figures.length > 0) lines.push(`_${figures.join(' · ')}_`, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
