import type { MessageCodec, MessageOf } from './codec.js';
import { readAuthenticationKey, writeAuthenticationKey } from './fields.js';

type AuthOnlyName = 'GetTrustedRouters' | 'GetAddressVisibility' | 'GetAddressRotationPeriod' | 'ForceAddressRotation' | 'GetPeers';

interface AuthOnly {
  readonly authenticationKey: Uint8Array;
}

/** The 2003 admin requests whose whole body is the AuthenticationKey. */
export function authOnly<N extends AuthOnlyName>(name: N): MessageCodec<N> {
  return {
    name,
    // Every N here names a message that is exactly { type: N; authenticationKey }.
    encode: (w, m) => { writeAuthenticationKey(w, (m as AuthOnly).authenticationKey); },
    decode: (r) => ({ type: name, authenticationKey: readAuthenticationKey(r) }) as unknown as MessageOf<N>,
  };
}
