import { Chat } from './chat.js';
import type { ChatOptions } from './chat.js';

/** A participant that answers every message with the same text: someone to talk to in the demo. */
export async function startEchoBot(options: Omit<ChatOptions, 'name' | 'onEvent'>, name = 'echo'): Promise<Chat> {
  const bot: Chat = await Chat.open({
    ...options,
    name,
    onEvent: (event) => {
      if (event.kind === 'received') bot.send(event.message.name, `echo: ${event.message.text}`);
    },
  });
  return bot;
}
