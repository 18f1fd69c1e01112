// Public API of @i2cp/codec. Every export is named here; everything else is internal.

// --- message types and constants
export { MessageType, PROTOCOL_BYTE, NO_SESSION_ID, SessionStatusCode, MessageStatusCode, HostReplyCode } from './messages/types.js';
export type {
  MessageName,
  Message,
  Frame,
  UnknownMessage,
  CreateSessionMessage,
  ReconfigureSessionMessage,
  DestroySessionMessage,
  CreateLeaseSet2003Message,
  CreateLeaseSetMessage,
  SendMessageMessage,
  ReceiveMessageBeginMessage,
  ReceiveMessageEndMessage,
  GetBandwidthLimitsMessage,
  GetDateMessage,
  DestLookupMessage,
  SendMessageExpiresMessage,
  HostLookupKey,
  HostLookupMessage,
  LeaseSet2Store,
  CreateLeaseSet2Message,
  BlindingEndpoint,
  BlindingInfoMessage,
  SetBandwidthLimitsMessage,
  GetTrustedRoutersMessage,
  SetTrustedRoutersMessage,
  GetAddressVisibilityMessage,
  SetAddressVisibilityMessage,
  GetAddressRotationPeriodMessage,
  SetAddressRotationPeriodMessage,
  ForceAddressRotationMessage,
  GetPeersMessage,
  SetPeersMessage,
  SetPasswordMessage,
  SessionStatusMessage,
  RequestLeaseSet2003Message,
  RequestLeaseSetMessage,
  MessageStatusMessage,
  BandwidthLimits2003Message,
  BandwidthLimitsMessage,
  MessagePayloadMessage,
  SetDateMessage,
  DestReplyMessage,
  RequestVariableLeaseSetMessage,
  HostReplyMessage,
  TrustedRoutersMessage,
  AddressVisibilityMessage,
  AddressRotationPeriodMessage,
  LastAddressRotationMessage,
  PeersMessage,
  ReportAbuseMessage,
  DisconnectMessage,
} from './messages/types.js';

// --- framing
export { encodeFrame, FrameDecoder, FRAME_HEADER_BYTES, DEFAULT_MAX_MESSAGE_BYTES } from './frame.js';
export type { FrameDecoderOptions } from './frame.js';

// --- messages
export { encodeMessage, encodeMessageBody, decodeMessage } from './message.js';
export { MESSAGE_PAYLOAD_HEAD_BYTES, encodeMessagePayloadParts, encodeSendMessageParts, writeMessagePayloadHead } from './parts.js';

// --- catalogue and description
export { messageCatalogue, messageInfo } from './catalogue.js';
export type { MessageInfo, MessageDirection } from './catalogue.js';
export { describe } from './describe.js';
export type { JsonValue } from './describe.js';
