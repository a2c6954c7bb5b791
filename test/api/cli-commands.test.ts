import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/api/auth.js';
import { openDatabase } from '../../src/store/database.js';
import { cli, cliJson } from '../support/cli.js';
import { DIALECTS, createTestDatabase } from '../support/databases.js';

for (const dialect of DIALECTS) {
  describe(`twinning token and serve [${dialect}]`, () => {
    let url = '';
    let drop: () => Promise<void> = async () => undefined;
    beforeAll(async () => {
      ({ url, drop } = await createTestDatabase(dialect));
    });
    afterAll(async () => drop());

    it('mints a token once, stores only its hash, lists and revokes it', async () => {
      const made = await cliJson<{ id: number; token: string; name: string; role: string; scopes: string[] }>(
        url,
        'token',
        'create',
        '--role',
        'editor',
        '--scope',
        'country:de',
        '--scope',
        'locality:coventry',
      );
      expect(made.code, made.err).toBe(0);
      expect(made.value).toMatchObject({ role: 'editor', scopes: ['country:DE', 'locality:coventry'] });
      expect(made.value.name).toBe('editor country:DE locality:coventry');
      expect(made.value.token).toMatch(/^twn_[\w-]{43}$/);
      const database = openDatabase(url);
      const stored = await database.db.selectFrom('api_tokens').selectAll().execute();
      await database.close();
      expect(stored.map((t) => t.token_hash)).toEqual([hashToken(made.value.token)]);
      expect(JSON.stringify(stored)).not.toContain(made.value.token);
      const list = await cli(url, 'token', 'list');
      expect(list.out).toMatch(/editor \[country:DE, locality:coventry\] .* active/);
      expect((await cli(url, 'token', 'revoke', String(made.value.id))).out).toBe(
        `Token ${made.value.id} revoked.`,
      );
      expect((await cli(url, 'token', 'list')).out).toMatch(/revoked 20/);
      expect((await cli(url, 'token', 'revoke', String(made.value.id))).code).toBe(1);
    });

    it('refuses a bad grant with exit 2 naming the problem', async () => {
      const cases: [string[], RegExp][] = [
        [['--role', 'editor'], /scope: an editor needs at least one scope/],
        [['--role', 'admin', '--scope', 'country:DE'], /an admin takes no scope/],
        [['--role', 'owner'], /"owner" is not a role/],
        [['--role', 'editor', '--scope', 'locality:atlantis'], /no locality has the key "atlantis"/],
        [['--role', 'editor', '--scope', 'town:x'], /not a scope/],
      ];
      for (const [args, message] of cases) {
        const run = await cli(url, 'token', 'create', ...args);
        expect(run.code, args.join(' ')).not.toBe(0);
        expect(run.err).toMatch(message);
      }
    });

    it('stops serve at start on a bad setting, naming the flag or variable', async () => {
      const port = await cli(url, 'serve', '--port', 'eighty');
      expect(port.code).toBe(2);
      expect(port.err).toBe('error: --port: invalid configuration: expected integer (got "eighty")');
      const origin = await cli(
        url,
        'serve',
        '--cors-origin',
        'https://ok.example',
        '--cors-origin',
        'ftp://x',
      );
      expect(origin.code).toBe(2);
      expect(origin.err).toMatch(/^error: --cors-origin: invalid configuration: .*"ftp:\/\/x"/);
      process.env.TWINNING_RATE_LIMIT_MAX = '0';
      try {
        const limit = await cli(url, 'serve');
        expect(limit.code).toBe(2);
        expect(limit.err).toMatch(
          /^error: TWINNING_RATE_LIMIT_MAX: invalid configuration: .*greater or equal to 1/,
        );
      } finally {
        delete process.env.TWINNING_RATE_LIMIT_MAX;
      }
    });
  });
}
