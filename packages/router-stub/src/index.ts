// Public API of @i2cp/router-stub. Every export is named here; everything else is internal.
export const placeholder = 'router-stub';
