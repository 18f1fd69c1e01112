import { MessageStatusCode, SessionStatusCode } from '@i2cp/codec';

const messageStatusNames = new Map<number, string>(Object.entries(MessageStatusCode).map(([name, code]) => [code, name]));
const sessionStatusNames = new Map<number, string>(Object.entries(SessionStatusCode).map(([name, code]) => [code, name]));

/** The name of a MessageStatus code ("NoLeaseSet" for 21), or "Status<n>" for codes past the table. */
export function messageStatusName(code: number): string {
  return messageStatusNames.get(code) ?? `Status${code}`;
}

export function sessionStatusName(code: number): string {
  return sessionStatusNames.get(code) ?? `Status${code}`;
}

/** Success as Java's client counts it: accepted, best-effort success, guaranteed success, local success. */
export function isSuccessStatus(code: number): boolean {
  return code === 1 || code === 2 || code === 4 || code === 6;
}

/** Final statuses end a send; Available (0) is about incoming mail and Accepted (1) is not the end. */
export function isFinalStatus(code: number): boolean {
  return code > 1;
}
