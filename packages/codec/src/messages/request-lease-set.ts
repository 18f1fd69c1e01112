import { readDate, readHash, readRouterIdentity, readTunnelId, writeDate, writeDestination, writeTunnelId } from '@i2cp/data';
import type { Reader } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readSessionId, sameDialect, writeSessionId } from './fields.js';

/**
 * 2003: SessionId, count, (RouterIdentity, TunnelId)*, start Date, end Date.
 * Current (deprecated): SessionId, count, (gateway Hash, TunnelId)*, end Date.
 */
export const requestLeaseSet: MessageCodec<'RequestLeaseSet'> = {
  name: 'RequestLeaseSet',
  encode: (w, m, dialect) => {
    sameDialect(m.dialect, dialect, 'RequestLeaseSet');
    writeSessionId(w, m.sessionId);
    w.u8(m.tunnels.length, 'tunnel count');
    if (m.dialect === '2003') {
      for (const t of m.tunnels) {
        writeDestination(w, t.gateway);
        writeTunnelId(w, t.tunnelId);
      }
      writeDate(w, m.startDate);
    } else {
      for (const t of m.tunnels) {
        w.fixed(t.gateway, 32, 'gateway Hash');
        writeTunnelId(w, t.tunnelId);
      }
    }
    writeDate(w, m.endDate);
  },
  decode: (r, dialect) => {
    const sessionId = readSessionId(r);
    const n = r.u8('tunnel count');
    if (dialect === '2003') {
      const tunnels = readTunnels(r, n, readRouterIdentity);
      const startDate = readDate(r);
      return { type: 'RequestLeaseSet', dialect, sessionId, tunnels, startDate, endDate: readDate(r) };
    }
    const tunnels = readTunnels(r, n, readHash);
    return { type: 'RequestLeaseSet', dialect, sessionId, tunnels, endDate: readDate(r) };
  },
};

function readTunnels<G>(r: Reader, n: number, readGateway: (r: Reader) => G): { gateway: G; tunnelId: number }[] {
  const tunnels = [];
  for (let i = 0; i < n; i++) tunnels.push({ gateway: readGateway(r), tunnelId: readTunnelId(r) });
  return tunnels;
}
