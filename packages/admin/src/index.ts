// Public API of @i2cp/admin. Every export is named here; everything else is internal.
export const placeholder = 'admin';
