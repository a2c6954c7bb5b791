/** Booleans are stored as 0/1 on every dialect. */
export const toFlag = (value: boolean | undefined): number => (value ? 1 : 0);

/** Reads a stored 0/1 flag. */
export const fromFlag = (value: number | null | undefined): boolean => Number(value) === 1;

/** The current time as stored in created_at and updated_at columns. */
export const nowIso = (): string => new Date().toISOString();
