import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.js';
import { cli, cliJson } from '../support/cli.js';
import { fixture } from '../ingest/fixtures.js';
import { call, errorOf, startTestApi, type TestApi } from '../api/api-harness.js';

for (const dialect of DIALECTS) {
  describe(`the CLI's fixes go through the versioned-write step [${dialect}]`, () => {
    let api: TestApi;
    const idOf = async (key: string): Promise<number> =>
      (
        await api.database.db
          .selectFrom('localities')
          .select('id')
          .where('key', '=', key)
          .executeTakeFirstOrThrow()
      ).id;
    const versionOf = async (id: number): Promise<number> =>
      (
        await api.database.db
          .selectFrom('localities')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version;
    const lastAudit = (entityType: string, entityId: number) =>
      api.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id', 'desc')
        .executeTakeFirst();

    beforeAll(async () => {
      api = await startTestApi(dialect);
      expect((await cli(api.url, 'gazetteer', 'load', fixture('gazetteer.txt'))).code).toBe(0);
    });
    afterAll(async () => api.close());

    it('a stale If-Match after a CLI merge gets 409; merge and unmerge bump versions and name the CLI user', async () => {
      const coventry = await idOf('coventry');
      const volgograd = await idOf('volgograd');
      const read = await call(api.app, 'GET', '/v1/localities/coventry', { token: api.tokens.admin });
      expect(read.statusCode).toBe(200);
      const etag = read.headers.etag as string;
      const before = await versionOf(coventry);

      const merged = await cliJson<{ mergeId: number }>(
        api.url,
        'locality',
        'merge',
        String(coventry),
        String(volgograd),
        '--by',
        'tester',
      );
      expect(merged.code).toBe(0);
      expect(await versionOf(coventry)).toBe(before + 1);
      expect(await lastAudit('locality', coventry)).toMatchObject({
        action: 'merge',
        actor_name: 'tester',
        actor_role: 'cli',
        actor_token_id: null,
        version: before + 1,
      });
      expect(await lastAudit('locality', volgograd)).toMatchObject({
        action: 'merged_into',
        actor_name: 'tester',
        version: null,
        after: null,
      });

      const stale = await call(api.app, 'PATCH', '/v1/localities/coventry', {
        token: api.tokens.admin,
        body: { notes: 'edited by a client that read before the merge' },
        ifMatch: etag,
      });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(errorOf(stale).code).toBe('Conflict');

      const undo = await cli(api.url, 'locality', 'unmerge', String(merged.value.mergeId), '--by', 'undoer');
      expect(undo.code, undo.err).toBe(0);
      expect(await versionOf(coventry)).toBe(before + 2);
      expect(await lastAudit('locality', coventry)).toMatchObject({
        action: 'unmerge',
        actor_name: 'undoer',
        actor_role: 'cli',
        version: before + 2,
      });
      const restored = await lastAudit('locality', volgograd);
      expect(restored).toMatchObject({ action: 'unmerge', actor_name: 'undoer', before: null });
      expect(restored!.version).toBe(await versionOf(volgograd));
    });

    it('resolve bumps the version and records the CLI user', async () => {
      const used = await api.database.db
        .selectFrom('localities')
        .select('geonames_id')
        .where('geonames_id', 'is not', null)
        .execute();
      const place = await api.database.db
        .selectFrom('gazetteer_places')
        .select('geoname_id')
        .where('geoname_id', 'not in', [0, ...used.map((u) => u.geonames_id!)])
        .orderBy('geoname_id')
        .executeTakeFirstOrThrow();
      const locality = await api.database.db
        .selectFrom('localities')
        .select(['id', 'version'])
        .where('geonames_id', 'is', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const run = await cli(
        api.url,
        'locality',
        'resolve',
        String(locality.id),
        String(place.geoname_id),
        '--by',
        'resolver',
      );
      expect(run.code, run.err).toBe(0);
      expect(await versionOf(locality.id)).toBe(locality.version + 1);
      expect(await lastAudit('locality', locality.id)).toMatchObject({
        action: 'resolve',
        actor_name: 'resolver',
        actor_role: 'cli',
        version: locality.version + 1,
      });
    });
  });
}
