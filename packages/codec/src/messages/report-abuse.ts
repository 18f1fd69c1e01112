import { readString, writeString } from '@i2cp/data';
import type { MessageCodec } from './codec.js';
import { readMessageId, readSessionId, writeMessageId, writeSessionId } from './fields.js';

/** SessionId, AbuseSeverity (1 byte), AbuseReason (String), MessageId (0 if none). */
export const reportAbuse: MessageCodec<'ReportAbuse'> = {
  name: 'ReportAbuse',
  encode: (w, m) => {
    writeSessionId(w, m.sessionId);
    w.u8(m.severity, 'severity');
    writeString(w, m.reason);
    writeMessageId(w, m.messageId);
  },
  decode: (r) => ({
    type: 'ReportAbuse',
    sessionId: readSessionId(r),
    severity: r.u8('severity'),
    reason: readString(r),
    messageId: readMessageId(r),
  }),
};
