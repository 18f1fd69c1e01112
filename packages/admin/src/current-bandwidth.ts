import { concatBytes, I2cpError, type BandwidthLimits, type Mapping } from '@i2cp/data';
import { decodeMessage, encodeMessage, FrameDecoder, PROTOCOL_BYTE, type Message } from '@i2cp/codec';
import { raceAbort, withTimeout } from './abort.js';
import { connectTcp, type Transport } from './transport.js';

const DIALECT = 'current';
/** The API version we announce in GetDate; routers use it only to pick message variants. */
const CLIENT_VERSION = '0.9.67';
const DEFAULT_TIMEOUT_MS = 10_000;

export interface CurrentBandwidthOptions {
  /** Default 127.0.0.1. Ignored with `transport`. */
  readonly host?: string;
  /** Default 7654. Ignored with `transport`. */
  readonly port?: number;
  /** A fresh, unused byte stream to the router instead of TCP; it is closed afterwards. */
  readonly transport?: Transport;
  /** Credentials for a Java router with `i2cp.auth=true` (sent in GetDate). */
  readonly username?: string;
  readonly password?: string;
  readonly signal?: AbortSignal;
  /** Bound on the whole exchange in ms (0 = none). Default 10 000. */
  readonly timeoutMs?: number;
}

/**
 * Asks any current-dialect router (i2pd, Java I2P, the router stub) for its bandwidth limits:
 * GetDate, then GetBandwidthLimits with an empty body, answered by 16 integers
 * ([0] client inbound KBps, [1] client outbound KBps, … see BandwidthLimits). No session needed.
 */
export async function getCurrentBandwidthLimits(options: CurrentBandwidthOptions = {}): Promise<BandwidthLimits> {
  const signal = withTimeout(options.signal, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const transport =
    options.transport ?? (await connectTcp(options.host ?? '127.0.0.1', options.port ?? 7654, signal));
  try {
    const request = concatBytes([
      Uint8Array.of(PROTOCOL_BYTE),
      encodeMessage({ type: 'GetDate', version: CLIENT_VERSION, ...credentials(options) }, DIALECT),
      encodeMessage({ type: 'GetBandwidthLimits' }, DIALECT),
    ]);
    await raceAbort(transport.write(request), signal, 'GetBandwidthLimits');
    return await raceAbort(readLimits(transport), signal, 'GetBandwidthLimits');
  } finally {
    await transport.close();
  }
}

function credentials(options: CurrentBandwidthOptions): { options?: Mapping } {
  if (options.username === undefined && options.password === undefined) return {};
  return {
    options: new Map([
      ['i2cp.password', options.password ?? ''],
      ['i2cp.username', options.username ?? ''],
    ]),
  };
}

async function readLimits(transport: Transport): Promise<BandwidthLimits> {
  const decoder = new FrameDecoder();
  for await (const chunk of transport) {
    for (const frame of decoder.push(chunk)) {
      const limits = limitsIn(decodeMessage(frame, DIALECT));
      if (limits !== undefined) return limits;
    }
  }
  throw new I2cpError('DISCONNECTED', 'the router closed the connection before answering GetBandwidthLimits');
}

/** The limits if this is the answer; undefined for messages that may come first (SetDate). */
function limitsIn(message: Message): BandwidthLimits | undefined {
  if (message.type === 'BandwidthLimits' && message.dialect === DIALECT) return message.limits;
  if (message.type === 'SetDate') return undefined;
  if (message.type === 'Disconnect') throw new I2cpError('DISCONNECTED', `the router disconnected: ${message.reason}`);
  throw new I2cpError('PROTOCOL', `unexpected ${message.type} while waiting for BandwidthLimits`);
}
