// Public API of @i2cp/codec. Every export is named here; everything else is internal.
export const placeholder = 'codec';
