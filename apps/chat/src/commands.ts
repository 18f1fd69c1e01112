/** What one line typed into the chat asks for. */
export type ChatCommand =
  | { readonly kind: 'say'; readonly text: string }
  | { readonly kind: 'msg'; readonly to: string; readonly text: string }
  | { readonly kind: 'add'; readonly name: string; readonly address: string }
  | { readonly kind: 'who' }
  | { readonly kind: 'history' }
  | { readonly kind: 'retry' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'help' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly message: string };

export const HELP = [
  'commands:',
  '  /msg NAME|B32 text   send to a name (resolved by the router stub) or a .b32.i2p address; they become the current peer',
  '  text                 send to the current peer',
  '  /add NAME ADDRESS    remember NAME for a .b32.i2p address or a base64 destination',
  '  /who                 you and the peers you know',
  '  /history             every message of this session with its delivery tick',
  '  /retry               send the failed messages again',
  '  /help                this help',
  '  /quit                leave (Ctrl-D too)',
].join('\n');

/** A name is what the router stub can register: letters, digits, '.', '-', '_' (no spaces). */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const aliases: Readonly<Record<string, ChatCommand['kind']>> = {
  '/msg': 'msg',
  '/m': 'msg',
  '/add': 'add',
  '/who': 'who',
  '/history': 'history',
  '/retry': 'retry',
  '/quit': 'quit',
  '/exit': 'quit',
  '/q': 'quit',
  '/help': 'help',
  '/?': 'help',
};

/** Parses one input line. A line starting with '//' sends the text with one '/' removed. */
export function parseChatLine(line: string): ChatCommand {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'empty' };
  if (trimmed.startsWith('//')) return { kind: 'say', text: trimmed.slice(1) };
  if (!trimmed.startsWith('/')) return { kind: 'say', text: trimmed };
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const kind = aliases[word.toLowerCase()];
  if (kind === undefined) {
    return { kind: 'invalid', message: `unknown command ${word} (/help lists them; start with // to send a line beginning with /)` };
  }
  switch (kind) {
    case 'msg': {
      const [to, ...words] = rest;
      if (to === undefined || words.length === 0) return { kind: 'invalid', message: 'usage: /msg NAME|B32 text' };
      // The text keeps its own spacing: cut it from the line rather than re-joining words.
      const text = trimmed.slice(trimmed.indexOf(to, word.length) + to.length).trim();
      return { kind: 'msg', to, text };
    }
    case 'add': {
      const [name, address, ...extra] = rest;
      if (name === undefined || address === undefined || extra.length > 0) return { kind: 'invalid', message: 'usage: /add NAME B32-or-base64' };
      if (!NAME_PATTERN.test(name)) return { kind: 'invalid', message: `'${name}' is not a usable name (letters, digits, . - _)` };
      return { kind: 'add', name, address };
    }
    case 'who':
    case 'history':
    case 'retry':
    case 'quit':
    case 'help':
      return rest.length > 0 ? { kind: 'invalid', message: `${word} takes no arguments` } : { kind };
    case 'say':
    case 'empty':
    case 'invalid':
      return { kind: 'invalid', message: `unknown command ${word}` };
  }
}
