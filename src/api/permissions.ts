import { normalizeCountry } from '../core/country.js';
import { TwinningError } from '../core/errors.js';
import type { WriteSubject } from '../registry/write-context.js';

/** The roles a token can hold. */
export const ROLES = ['admin', 'editor', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** What an editor may touch: the places of one country, or one place (a city's office). */
export type Scope = { type: 'country'; country: string } | { type: 'locality'; key: string };

/** Who is asking: a token's id, name, role and scopes. */
export interface Principal {
  tokenId: number;
  name: string;
  role: Role;
  scopes: readonly Scope[];
}

/** Everything the API lets a caller do. */
export const ACTIONS = [
  'read',
  'readAudit',
  'createLocality',
  'updateLocality',
  'createLink',
  'updateLink',
  'appendEvent',
  'mergeLocalities',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How an editor's scopes must cover the places a write touches:
 * `any` — one of them (a link is its office's if either side is); `every` — all of them (a locality, before
 * and after a change of country); `every-country` — all of them by country only (a new place has no key to
 * be scoped by yet).
 */
type Coverage = 'any' | 'every' | 'every-country';

/** The rules, as data: which roles may do what, and for editors, how their scopes must cover it. */
export const POLICY: Readonly<Record<Action, { roles: readonly Role[]; editorCoverage?: Coverage }>> = {
  read: { roles: ['admin', 'editor', 'reader'] },
  readAudit: { roles: ['admin', 'editor', 'reader'] },
  createLocality: { roles: ['admin', 'editor'], editorCoverage: 'every-country' },
  updateLocality: { roles: ['admin', 'editor'], editorCoverage: 'every' },
  createLink: { roles: ['admin', 'editor'], editorCoverage: 'any' },
  updateLink: { roles: ['admin', 'editor'], editorCoverage: 'any' },
  appendEvent: { roles: ['admin', 'editor'], editorCoverage: 'any' },
  mergeLocalities: { roles: ['admin'] },
};

/** True when a scope covers a place. */
export function covers(
  scope: Scope,
  place: WriteSubject['localities'][number],
  byCountryOnly = false,
): boolean {
  if (scope.type === 'country') return place.country === scope.country;
  return !byCountryOnly && place.key === scope.key;
}

/** True when the role may take the action at all (before any scope is looked at). */
export function roleAllows(role: Role, action: Action): boolean {
  return POLICY[action].roles.includes(role);
}

/** True when the principal may take the action on the subject (the places the write touches). */
export function can(principal: Principal, action: Action, subject: WriteSubject): boolean {
  if (!roleAllows(principal.role, action)) return false;
  if (principal.role !== 'editor') return true;
  const coverage = POLICY[action].editorCoverage;
  if (coverage === undefined) return true;
  const places = subject.localities;
  const covered = (place: WriteSubject['localities'][number]): boolean =>
    principal.scopes.some((s) => covers(s, place, coverage === 'every-country'));
  return coverage === 'any' ? places.some(covered) : places.length > 0 && places.every(covered);
}

/** Throws Forbidden, naming the action and the places, unless the principal may take the action. */
export function assertCan(principal: Principal, action: Action, subject: WriteSubject): void {
  if (can(principal, action, subject)) return;
  const places = [...new Set(subject.localities.map((l) => `${l.key} (${l.country ?? 'no country'})`))];
  const scopes = principal.scopes.map(formatScope).join(', ') || 'none';
  throw new TwinningError(
    'Forbidden',
    roleAllows(principal.role, action)
      ? `token "${principal.name}" (scopes: ${scopes}) may not ${action} for ${places.join(' and ')}`
      : `a ${principal.role} token may not ${action}`,
  );
}

/** Parses `country:DE` or `locality:coventry`; throws InvalidInput naming the field. */
export function parseScope(text: string, field = 'scope'): Scope {
  const match = /^(country|locality):(.+)$/.exec(text.trim());
  if (!match) {
    throw new TwinningError('InvalidInput', `"${text}" is not a scope; use country:DE or locality:coventry`, {
      field,
    });
  }
  if (match[1] === 'country') return { type: 'country', country: normalizeCountry(match[2]!, field) };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(match[2]!)) {
    throw new TwinningError('InvalidInput', `"${match[2]}" is not a locality key`, { field });
  }
  return { type: 'locality', key: match[2]! };
}

/** `country:DE` or `locality:coventry`. */
export function formatScope(scope: Scope): string {
  return scope.type === 'country' ? `country:${scope.country}` : `locality:${scope.key}`;
}

/** Checks a role and its scopes go together: an editor needs at least one scope, others none. */
export function validateGrant(role: string, scopes: readonly Scope[]): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new TwinningError('InvalidInput', `"${role}" is not a role; use ${ROLES.join(', ')}`, {
      field: 'role',
    });
  }
  if (role === 'editor' && scopes.length === 0) {
    throw new TwinningError(
      'InvalidInput',
      'an editor needs at least one scope (country:DE, locality:coventry)',
      {
        field: 'scope',
      },
    );
  }
  if (role !== 'editor' && scopes.length > 0) {
    throw new TwinningError('InvalidInput', `a${role === 'admin' ? 'n' : ''} ${role} takes no scope`, {
      field: 'scope',
    });
  }
  return role as Role;
}
