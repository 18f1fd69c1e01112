// Public API of @i2cp/codec. Every export is named here; everything else is internal.

// --- framing
export { encodeFrame, FrameDecoder, FRAME_HEADER_BYTES, DEFAULT_MAX_MESSAGE_BYTES } from './frame.js';
export type { FrameDecoderOptions } from './frame.js';

// --- catalogue
export { messageCatalogue, messageInfo } from './catalogue.js';
export type { MessageInfo, MessageDirection } from './catalogue.js';
