/**
 * Deep copy into plain data for comparisons: @i2cp/data decodes a Destination into a class
 * with lazy getters and private fields, which deep-equality helpers cannot walk. Getters of
 * such classes become ordinary properties; Maps, byte arrays and arrays are kept as kinds.
 */
export function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return Uint8Array.from(value);
  if (value instanceof Map) return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [k, plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v);
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && proto !== Object.prototype) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      if (d.get !== undefined) out[k] = plain((value as Record<string, unknown>)[k]);
    }
  }
  return out;
}
