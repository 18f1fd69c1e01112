// Public API of @i2cp/client. Every export is named here; everything else is internal.
export const placeholder = 'client';
