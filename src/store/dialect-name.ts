/** The databases the registry runs on. */
export type DialectName = 'sqlite' | 'postgres';
