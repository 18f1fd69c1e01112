/** Every message codec by name, and per dialect by type id (the ids the catalogue lists for that dialect). */
import type { Dialect } from '@i2cp/data';
import { messageCatalogue } from '../catalogue.js';
import { addressRotationPeriod } from './address-rotation-period.js';
import { addressVisibility } from './address-visibility.js';
import { bandwidthLimits } from './bandwidth-limits.js';
import { blindingInfo } from './blinding-info.js';
import type { MessageCodec } from './codec.js';
import { createLeaseSet } from './create-lease-set.js';
import { createLeaseSet2 } from './create-lease-set2.js';
import { createSession } from './create-session.js';
import { destLookup } from './dest-lookup.js';
import { destReply } from './dest-reply.js';
import { destroySession } from './destroy-session.js';
import { disconnect } from './disconnect.js';
import { forceAddressRotation } from './force-address-rotation.js';
import { getAddressRotationPeriod } from './get-address-rotation-period.js';
import { getAddressVisibility } from './get-address-visibility.js';
import { getBandwidthLimits } from './get-bandwidth-limits.js';
import { getDate } from './get-date.js';
import { getPeers } from './get-peers.js';
import { getTrustedRouters } from './get-trusted-routers.js';
import { hostLookup } from './host-lookup.js';
import { hostReply } from './host-reply.js';
import { lastAddressRotation } from './last-address-rotation.js';
import { messagePayload } from './message-payload.js';
import { messageStatus } from './message-status.js';
import { peers } from './peers.js';
import { receiveMessageBegin } from './receive-message-begin.js';
import { receiveMessageEnd } from './receive-message-end.js';
import { reconfigureSession } from './reconfigure-session.js';
import { reportAbuse } from './report-abuse.js';
import { requestLeaseSet } from './request-lease-set.js';
import { requestVariableLeaseSet } from './request-variable-lease-set.js';
import { sendMessage } from './send-message.js';
import { sendMessageExpires } from './send-message-expires.js';
import { sessionStatus } from './session-status.js';
import { setAddressRotationPeriod } from './set-address-rotation-period.js';
import { setAddressVisibility } from './set-address-visibility.js';
import { setBandwidthLimits } from './set-bandwidth-limits.js';
import { setDate } from './set-date.js';
import { setPassword } from './set-password.js';
import { setPeers } from './set-peers.js';
import { setTrustedRouters } from './set-trusted-routers.js';
import { trustedRouters } from './trusted-routers.js';
import type { MessageName } from './types.js';

export const codecs: { readonly [N in MessageName]: MessageCodec<N> } = {
  CreateSession: createSession,
  ReconfigureSession: reconfigureSession,
  DestroySession: destroySession,
  CreateLeaseSet: createLeaseSet,
  SendMessage: sendMessage,
  ReceiveMessageBegin: receiveMessageBegin,
  ReceiveMessageEnd: receiveMessageEnd,
  GetBandwidthLimits: getBandwidthLimits,
  SetBandwidthLimits: setBandwidthLimits,
  GetTrustedRouters: getTrustedRouters,
  SetTrustedRouters: setTrustedRouters,
  GetAddressVisibility: getAddressVisibility,
  SetAddressVisibility: setAddressVisibility,
  GetAddressRotationPeriod: getAddressRotationPeriod,
  SetAddressRotationPeriod: setAddressRotationPeriod,
  ForceAddressRotation: forceAddressRotation,
  GetPeers: getPeers,
  SetPeers: setPeers,
  SetPassword: setPassword,
  SessionStatus: sessionStatus,
  RequestLeaseSet: requestLeaseSet,
  MessageStatus: messageStatus,
  BandwidthLimits: bandwidthLimits,
  TrustedRouters: trustedRouters,
  AddressVisibility: addressVisibility,
  AddressRotationPeriod: addressRotationPeriod,
  LastAddressRotation: lastAddressRotation,
  Peers: peers,
  ReportAbuse: reportAbuse,
  Disconnect: disconnect,
  MessagePayload: messagePayload,
  GetDate: getDate,
  SetDate: setDate,
  DestLookup: destLookup,
  DestReply: destReply,
  SendMessageExpires: sendMessageExpires,
  RequestVariableLeaseSet: requestVariableLeaseSet,
  HostLookup: hostLookup,
  HostReply: hostReply,
  CreateLeaseSet2: createLeaseSet2,
  BlindingInfo: blindingInfo,
};

function byId(dialect: Dialect): readonly (MessageCodec | undefined)[] {
  const table: (MessageCodec | undefined)[] = new Array<MessageCodec | undefined>(256).fill(undefined);
  for (const info of messageCatalogue) if (info.dialects.includes(dialect)) table[info.id] = codecs[info.name] as MessageCodec;
  return table;
}

export const codecsById: Readonly<Record<Dialect, readonly (MessageCodec | undefined)[]>> = {
  '2003': byId('2003'),
  current: byId('current'),
};
