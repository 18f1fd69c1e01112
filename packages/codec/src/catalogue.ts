/**
 * What every message id means in each dialect: name, direction, whether it is one of the 2003
 * administrative messages, whether today's routers deprecate it, and a one-line description.
 */
import type { Dialect } from '@i2cp/data';
import type { MessageName } from './messages/types.js';
import { MessageType } from './messages/types.js';

export type MessageDirection = 'client-to-router' | 'router-to-client' | 'both';

export interface MessageInfo {
  readonly id: number;
  readonly name: MessageName;
  readonly direction: MessageDirection;
  readonly dialects: readonly Dialect[];
  /** One of the 2003 draft's authenticated administrative messages (in the dialect asked about). */
  readonly admin: boolean;
  /** Deprecated by the current specification (still decoded). */
  readonly deprecated: boolean;
  readonly description: string;
}

const BOTH: readonly Dialect[] = ['2003', 'current'];
const ONLY_2003: readonly Dialect[] = ['2003'];
const ONLY_CURRENT: readonly Dialect[] = ['current'];

type Row = readonly [MessageName, MessageDirection, readonly Dialect[], admin: boolean, deprecated: boolean, description: string];

const C2R = 'client-to-router';
const R2C = 'router-to-client';

const rows: readonly Row[] = [
  ['CreateSession', C2R, BOTH, false, false, 'Create a session for a Destination (signed SessionConfig)'],
  ['ReconfigureSession', C2R, BOTH, false, false, 'Update the options of a session (signed SessionConfig)'],
  ['DestroySession', C2R, BOTH, false, false, 'End a session (2003: with its SessionConfig)'],
  ['CreateLeaseSet', C2R, BOTH, false, true, 'Hand the router the signed LeaseSet and its private keys'],
  ['SendMessage', C2R, BOTH, false, false, 'Send a payload to a Destination (current: with a nonce)'],
  ['ReceiveMessageBegin', C2R, BOTH, false, true, 'Ask for the payload of an announced message'],
  ['ReceiveMessageEnd', C2R, BOTH, false, true, 'Confirm a message was received; the router may drop it'],
  ['GetBandwidthLimits', C2R, BOTH, true, false, "Ask for the router's bandwidth limits"],
  ['SetBandwidthLimits', C2R, ONLY_2003, true, false, "Set the router's bandwidth limits"],
  ['GetTrustedRouters', C2R, ONLY_2003, true, false, "Ask for the router's trusted routers"],
  ['SetTrustedRouters', C2R, ONLY_2003, true, false, 'Replace the set of trusted routers (hashes)'],
  ['GetAddressVisibility', C2R, ONLY_2003, true, false, "Ask whether the router's addresses are public"],
  ['SetAddressVisibility', C2R, ONLY_2003, true, false, "Set whether the router's addresses are public"],
  ['GetAddressRotationPeriod', C2R, ONLY_2003, true, false, 'Ask how often addresses are rotated'],
  ['SetAddressRotationPeriod', C2R, ONLY_2003, true, false, 'Set the address rotation period (seconds, 0 = never)'],
  ['ForceAddressRotation', C2R, ONLY_2003, true, false, 'Rotate the addresses now'],
  ['GetPeers', C2R, ONLY_2003, true, false, 'Ask for the routers this router talks to'],
  ['SetPeers', C2R, ONLY_2003, true, false, 'Replace the set of peers (RouterInfos)'],
  ['SetPassword', C2R, ONLY_2003, true, false, 'Replace the administrative AuthenticationKey'],
  ['SessionStatus', R2C, BOTH, false, false, 'Status of a session: destroyed, created, updated, invalid, refused'],
  ['RequestLeaseSet', R2C, BOTH, false, true, 'Ask the client to sign a LeaseSet for these tunnels'],
  ['MessageStatus', R2C, BOTH, false, false, 'Delivery status of a message (current: echoes the nonce)'],
  ['BandwidthLimits', R2C, BOTH, true, false, "The router's bandwidth limits"],
  ['TrustedRouters', R2C, ONLY_2003, true, false, 'The trusted routers (hashes)'],
  ['AddressVisibility', R2C, ONLY_2003, true, false, "Whether the router's addresses are public"],
  ['AddressRotationPeriod', R2C, ONLY_2003, true, false, 'The address rotation period (seconds)'],
  ['LastAddressRotation', R2C, ONLY_2003, true, false, 'When the addresses were last rotated'],
  ['Peers', R2C, ONLY_2003, true, false, 'The routers this router talks to (RouterInfos)'],
  ['ReportAbuse', 'both', BOTH, false, true, 'Tell the other side it is under attack'],
  ['Disconnect', 'both', BOTH, false, false, 'The connection is about to be closed, with the reason'],
  ['MessagePayload', R2C, BOTH, false, false, 'Deliver the payload of a received message'],
  ['GetDate', C2R, ONLY_CURRENT, false, false, 'Handshake: client version and optional authentication'],
  ['SetDate', R2C, ONLY_CURRENT, false, false, "Handshake reply: the router's clock and version"],
  ['DestLookup', C2R, ONLY_CURRENT, false, false, 'Look up a Destination by hash'],
  ['DestReply', R2C, ONLY_CURRENT, false, false, 'Answer to DestLookup: the Destination, or the hash on failure'],
  ['SendMessageExpires', C2R, ONLY_CURRENT, false, false, 'SendMessage with flags and an expiration'],
  ['RequestVariableLeaseSet', R2C, ONLY_CURRENT, false, false, 'Ask the client to sign a LeaseSet for these leases'],
  ['HostLookup', C2R, ONLY_CURRENT, false, false, 'Look up a Destination by hash, host name or Destination'],
  ['HostReply', R2C, ONLY_CURRENT, false, false, 'Answer to HostLookup: result code, Destination, options'],
  ['CreateLeaseSet2', C2R, ONLY_CURRENT, false, false, 'Hand the router a LeaseSet2 (or encrypted/meta) and private keys'],
  ['BlindingInfo', C2R, ONLY_CURRENT, false, false, 'Tell the router how to look up a blinded Destination'],
];

export const messageCatalogue: readonly MessageInfo[] = rows.map(([name, direction, dialects, admin, deprecated, description]) => ({
  id: MessageType[name],
  name,
  direction,
  dialects,
  admin,
  deprecated,
  description,
}));

/** Ids 8 and 23 exist in both dialects, but only the 2003 forms are administrative. */
const currentOverrides: Partial<Record<MessageName, Partial<MessageInfo>>> = {
  GetBandwidthLimits: { admin: false, description: "Ask for the router's bandwidth limits (empty body, no authentication)" },
  BandwidthLimits: { admin: false, description: "The router's bandwidth limits (16 four-byte integers)" },
};

const byDialect: Readonly<Record<Dialect, ReadonlyMap<number, MessageInfo>>> = {
  '2003': new Map(messageCatalogue.filter((m) => m.dialects.includes('2003')).map((m) => [m.id, m])),
  current: new Map(
    messageCatalogue
      .filter((m) => m.dialects.includes('current'))
      .map((m) => [m.id, { ...m, ...currentOverrides[m.name] }]),
  ),
};

/** The message `typeId` means in `dialect`, or undefined if the dialect does not define it. */
export function messageInfo(typeId: number, dialect: Dialect): MessageInfo | undefined {
  return byDialect[dialect].get(typeId);
}
