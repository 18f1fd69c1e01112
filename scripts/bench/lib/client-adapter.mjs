// Load adapter on @i2cp/client (packages/client/dist): the figures include the client library as an
// application uses it. One connection and one session per endpoint.
//
// Options: { port } the router's I2CP port on 127.0.0.1, { dialect } 'current' (default) or '2003';
// the sender also gets { to }, the receiver's Destination in I2P base64 (its `address`).
// current: Ed25519 + ElGamal destination, LS2 (client default), SendMessage with nonce 0
// (`reliability: 'none'`, resolves once written), payloads uncompressed (`compress: false`).
// 2003: DSA-SHA1 destination and 2003 lease set; every payload is encrypted end to end
// (ElGamal/AES+SessionTag) by the client. Sends wait for the router's final status (BestEffort),
// because only a confirmed delivery makes the sent session tags usable. With `reliability: 'none'` the
// client follows the final status too, but a sender that keeps the socket buffers full gets those
// reports late and still seals almost every message with a fresh ElGamal block (client README).

/** @type {any} built @i2cp/client; absent until `pnpm build`, so not typed here */
const client = await import(new URL('../../../packages/client/dist/index.js', import.meta.url).href);
/** @type {any} built @i2cp/data */
const data = await import(new URL('../../../packages/data/dist/index.js', import.meta.url).href);

// Sends kept in flight per pair when saturating: fire-and-forget sends resolve once written, so a
// small window suffices. 2003 sends wait for a round trip through the router, and each confirmed
// delivery brings 40 session tags (the client's default): with more than that in flight per round
// trip, sends run out of tags and fall back to ElGamal.
const WINDOW = { current: 64, '2003': 16 };
// Received messages wait in the client's buffer until the receiver takes them; the buffer drops the
// oldest when full, which the receiver would count as lost.
const RECEIVE_BUFFER = 1 << 20;

/**
 * @param {'sender' | 'receiver'} role
 * @param {{ port?: unknown, to?: unknown, dialect?: unknown }} options
 * @returns {Promise<import('./load.mjs').LoadEndpoint>}
 */
export async function open(role, options) {
  const dialect = options.dialect === '2003' ? '2003' : 'current';
  const connection = await client.connect({ host: '127.0.0.1', port: Number(options.port), dialect });
  try {
    const keys = data.generateDestination(dialect === '2003' ? { sigType: 0 } : {});
    const session = await connection.createSession({ keys, options: { 'inbound.length': '0', 'outbound.length': '0' } });
    // Parsed once, as an application keeps its peer's Destination.
    const to = typeof options.to === 'string' ? data.parseDestinationString(options.to) : undefined;
    const sendOptions = dialect === '2003' ? {} : { reliability: 'none', compress: false };
    // 2003: one delivered message first, so the e2e session (key and tags) exists, as between peers
    // that have talked before; the receiver ignores it (kind 0, warm-up). The first contact's
    // ElGamal block is not what a steady stream costs.
    if (dialect === '2003' && to !== undefined) await session.send(to, new Uint8Array(9), sendOptions);
    return {
      address: data.toBase64(session.destination.bytes),
      window: WINDOW[dialect],
      send: async (payload) => {
        if (to === undefined) throw new Error('sender endpoint without a recipient');
        const result = await session.send(to, payload, sendOptions);
        if (!result.success) throw new Error(`send failed with status ${result.name}`);
      },
      subscribe: (onPayload) => {
        void (async () => {
          for await (const message of session.messages({ bufferSize: RECEIVE_BUFFER })) onPayload(message.payload);
        })();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
