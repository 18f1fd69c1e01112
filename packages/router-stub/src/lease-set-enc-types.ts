/**
 * `i2cp.leaseSetEncType` as the Java router reads it in CreateSession (I2CP-wire §4.1): a comma-separated
 * list whose elements are type numbers or (case-insensitive) Java type names; any element that is not a
 * type the router can use refuses the session with a Disconnect.
 */
import { EncType, encTypeInfo } from '@i2cp/data';

/** Java's enum names, which its parser accepts beside the numbers. */
const javaNames: ReadonlyMap<string, number> = new Map([
  ['ELGAMAL_2048', EncType.ElGamal],
  ['EC_P256', EncType.EC_P256],
  ['EC_P384', EncType.EC_P384],
  ['EC_P521', EncType.EC_P521],
  ['ECIES_X25519', EncType.X25519],
  ['MLKEM512_X25519', EncType.MLKEM512_X25519],
  ['MLKEM768_X25519', EncType.MLKEM768_X25519],
  ['MLKEM1024_X25519', EncType.MLKEM1024_X25519],
]);

/** The types whose lease-set keys the stub can check (it derives each public key from its private key). */
const usable: ReadonlySet<number> = new Set([EncType.ElGamal, EncType.X25519]);

/** Why a `i2cp.leaseSetEncType` value is refused, or undefined when every element names a usable type. */
export function leaseSetEncTypeProblem(value: string): string | undefined {
  for (const element of value.split(',')) {
    const code = parseEncType(element);
    if (code === undefined) return `i2cp.leaseSetEncType=${value}: unsupported crypto type "${element}" (a number or a type name)`;
    if (!usable.has(code)) {
      const name = encTypeInfo(code)?.name ?? 'unknown';
      return `i2cp.leaseSetEncType=${value}: unsupported crypto type ${code} (${name}); this router takes 0 (ElGamal) and 4 (X25519)`;
    }
  }
  return undefined;
}

function parseEncType(element: string): number | undefined {
  const named = javaNames.get(element.toUpperCase());
  if (named !== undefined) return named;
  // Java's Integer.parseInt: an optional sign and decimal digits, nothing else (no blanks).
  if (!/^[+-]?\d{1,10}$/.test(element)) return undefined;
  const code = Number.parseInt(element, 10);
  return encTypeInfo(code) === undefined ? undefined : code;
}
