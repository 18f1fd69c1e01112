import { isI2cpError } from '@i2cp/data';
import type { Dialect } from '@i2cp/data';
import { PROTOCOL_BYTE, decodeMessage, describe, messageInfo } from '@i2cp/codec';
import type { CommandSpec, ParsedArgs } from '../args.js';
import { boolOpt, stringOpt } from '../args.js';
import { usageError } from '../cli-error.js';
import { decodeInputText, readInput } from '../input.js';
import type { InputFormat } from '../input.js';
import { framesUntilBroken } from '../frames.js';
import type { Output } from '../output.js';

export const decodeSpec: CommandSpec = {
  name: 'decode',
  summary: 'Decode a captured I2CP byte stream into one line per message.',
  usage: 'i2cp decode [--dialect 2003|current] [--from client|router] [--hex|--base64|--raw] [--json] [--quiet] [FILE|-]',
  positionals: { min: 0, max: 1 },
  options: {
    dialect: { type: 'string', value: '2003|current', default: 'current', description: 'protocol dialect of the capture' },
    from: { type: 'string', value: 'client|router', description: 'which side sent the bytes (a client stream may start with the 0x2A protocol byte)' },
    hex: { type: 'boolean', description: 'input is hex text' },
    base64: { type: 'boolean', description: 'input is base64 text (I2P or standard alphabet)' },
    raw: { type: 'boolean', description: 'input is raw bytes (the default)' },
    json: { type: 'boolean', description: 'print JSON lines (the codec describe() form)' },
    quiet: { type: 'boolean', short: 'q', description: 'no notices on stderr' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  examples: ['i2cp decode capture.bin', "echo '00000007 20 06 302e392e3637' | i2cp decode --hex --from client"],
};

export async function runDecode(args: ParsedArgs, out: Output): Promise<number> {
  const dialect = stringOpt(args, 'dialect') ?? 'current';
  if (dialect !== 'current' && dialect !== '2003') throw usageError(`--dialect must be 2003 or current, got '${dialect}'`);
  const from = stringOpt(args, 'from');
  if (from !== undefined && from !== 'client' && from !== 'router') throw usageError(`--from must be client or router, got '${from}'`);
  const formats = (['hex', 'base64', 'raw'] as const).filter((f) => boolOpt(args, f));
  if (formats.length > 1) throw usageError('choose one of --hex, --base64, --raw');
  const format: InputFormat = formats[0] ?? 'raw';

  let bytes = decodeInputText(await readInput(args.positionals[0]), format);
  let offset = 0;
  if (from !== 'router' && dialect === 'current' && bytes[0] === PROTOCOL_BYTE) {
    out.data('protocol byte 0x2a', { protocolByte: PROTOCOL_BYTE });
    bytes = bytes.subarray(1);
    offset = 1;
  }
  return decodeStream(bytes, offset, dialect, out);
}

/** Prints each message; on bad bytes prints what went wrong and where, and returns exit code 2. */
export function decodeStream(bytes: Uint8Array, startOffset: number, dialect: Dialect, out: Output): number {
  const { frames, error, buffered } = framesUntilBroken(bytes);
  let index = 0;
  let offset = startOffset;
  for (const frame of frames) {
    const info = messageInfo(frame.typeId, dialect);
    try {
      const message = decodeMessage(frame, dialect);
      const described = describe(message, dialect);
      out.data(`#${index} @${offset} ${info?.name ?? 'unknown'}(${frame.typeId}) ${frame.body.length} B ${JSON.stringify(described)}`, {
        index,
        offset,
        typeId: frame.typeId,
        bodyLength: frame.body.length,
        message: described,
      });
    } catch (e) {
      if (!isI2cpError(e)) throw e;
      out.error(`message #${index} at byte ${offset} (${info?.name ?? 'unknown'}(${frame.typeId})): ${e.message}`);
      return 2;
    }
    offset += 5 + frame.body.length;
    index++;
  }
  if (error !== undefined) {
    out.error(`at byte ${offset}: ${error instanceof Error ? error.message : 'the bytes stop framing'}`);
    return 2;
  }
  if (buffered > 0) {
    out.error(`the input ends inside a frame at byte ${offset} (${buffered} bytes left over)`);
    return 2;
  }
  out.info(`${index} message(s) decoded`);
  return 0;
}
