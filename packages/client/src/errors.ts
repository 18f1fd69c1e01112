import { I2cpError } from '@i2cp/data';
import { sessionStatusName } from './status.js';

/** A session the router would not create or reconfigure; `status` is the router's SessionStatus byte. */
export class SessionError extends I2cpError {
  override readonly name: string = 'SessionError';
  readonly status: number;

  constructor(status: number, message: string, options?: ErrorOptions) {
    super('SESSION_REFUSED', `${message} (router status ${status} ${sessionStatusName(status)})`, options);
    this.status = status;
  }
}

/** A name or hash the router could not resolve; `resultCode` is HostReply's result (1 = not found). */
export class LookupError extends I2cpError {
  override readonly name: string = 'LookupError';
  readonly resultCode: number;

  constructor(resultCode: number, message: string, options?: ErrorOptions) {
    super('LOOKUP_FAILED', message, options);
    this.resultCode = resultCode;
  }
}
