import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameAt } from '../../src/core/locality-names.js';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { localityDetail, localityDetailFromCopy } from '../../src/registry/locality/detail.js';
import { openRegistry } from '../../src/registry/open-registry.js';
import type { Database } from '../../src/store/database.js';
import { linksOfLocality } from '../../src/store/link.repository.js';
import { statingSourcesOf } from '../../src/store/link-statement.repository.js';
import { readLocalityModelData } from '../../src/store/locality-model-data.js';
import { LocalityMemoryModel } from '../../src/store/locality-memory-model.js';
import { localitiesById, localityIdsByKey } from '../../src/store/locality.repository.js';
import { citationsFor } from '../../src/store/source.repository.js';
import { createTestDatabase, DIALECTS } from '../support/databases.js';

const TODAY = parsePartialDate('2026-11-28');

for (const dialect of DIALECTS) {
  describe(`a locality's detail from the copy in memory is the database's [${dialect}]`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let copy: LocalityMemoryModel;
    let cloned: LocalityMemoryModel;
    beforeAll(async () => {
      const created = await createTestDatabase(dialect);
      drop = created.drop;
      database = (await openRegistry(created.url)).database;
      const db = database.db;
      // What the bundled dataset may lack: a parent, and sources that state links (one of them one-sided).
      const [first, second] = await db.selectFrom('localities').select('id').orderBy('id').limit(2).execute();
      await db.updateTable('localities').set({ parent_id: first!.id }).where('id', '=', second!.id).execute();
      const source = await db.selectFrom('sources').select('id').orderBy('id').executeTakeFirstOrThrow();
      const links = await db.selectFrom('links').select('id').orderBy('id').limit(3).execute();
      await db
        .insertInto('link_sources')
        .values(
          links.map((l, i) => ({
            link_id: l.id,
            source_id: source.id,
            a_lists_b: 1,
            b_lists_a: i === 0 ? 0 : 1,
            undirected: 0,
            first_line: i + 2,
            created_at: '2026-11-28T00:00:00Z',
          })),
        )
        .execute();
      copy = await LocalityMemoryModel.load(db);
      // As another thread sends it: a structured clone, its buffers transferred (the sender's are then empty).
      const { data, transfer } = await readLocalityModelData(db);
      cloned = LocalityMemoryModel.fromData(structuredClone(data, { transfer }));
      expect(transfer.length).toBeGreaterThan(10);
      expect(data.names.name.length).toBe(0);
    });
    afterAll(async () => {
      await database.close();
      await drop();
    });

    it('holds every locality', async () => {
      const rows = await database.db.selectFrom('localities').select('id').execute();
      expect(copy.size).toBe(rows.length);
      expect(copy.size).toBeGreaterThan(100);
    });

    it('gives the records the repositories read, field for field, for every locality', async () => {
      const rows = await database.db.selectFrom('localities').select(['id', 'key']).orderBy('id').execute();
      let stated = 0;
      for (const { id, key } of rows) {
        expect(copy.idOfKey(key)).toBe((await localityIdsByKey(database.db, [key])).get(key));
        expect(copy.locality(id)).toStrictEqual((await localitiesById(database.db, [id])).get(id));
        expect(cloned.locality(id)).toStrictEqual(copy.locality(id));
        expect(cloned.linksOf(id)).toStrictEqual(copy.linksOf(id));
        expect(cloned.citationsOf(id)).toStrictEqual(copy.citationsOf(id));
        expect(cloned.idOfKey(key)).toBe(id);
        const links = await linksOfLocality(database.db, id);
        expect(copy.linksOf(id)).toStrictEqual(links);
        const stating = await statingSourcesOf(
          database.db,
          links.map((l) => l.id),
        );
        for (const link of links) expect(copy.statingByLink.get(link.id)).toStrictEqual(stating.get(link.id));
        stated += stating.size;
        expect(copy.citationsOf(id)).toStrictEqual(
          (await citationsFor(database.db, 'locality', [id])).get(id) ?? [],
        );
      }
      expect(stated).toBeGreaterThan(0);
      expect(copy.idOfKey('no-such-place')).toBeUndefined();
      expect(copy.locality(-1)).toBeUndefined();
      expect(copy.linksOf(-1)).toEqual([]);
    });

    it("gives a partner list's lean link facts and retrieval dates as linksOf and statingByLink hold them", async () => {
      const rows = await database.db.selectFrom('localities').select('id').orderBy('id').execute();
      let events = 0;
      let stated = 0;
      for (const { id } of rows) {
        const links = copy.linksOf(id);
        expect(copy.linkFactsOf(id)).toStrictEqual(
          links.map((l) => ({
            id: l.id,
            aId: l.aId,
            bId: l.bId,
            kind: l.kind,
            exclusive: l.exclusive,
            events: l.events.map((e) => ({ type: e.type, date: e.date, cause: e.cause, citations: [] })),
          })),
        );
        for (const link of links) {
          events += link.events.length;
          const stating = copy.statingByLink.get(link.id);
          expect(copy.retrievedByLink.get(link.id)).toStrictEqual(
            stating?.map((s) => ({ retrieved: s.retrieved })),
          );
          stated += stating?.length ?? 0;
        }
      }
      expect(events).toBeGreaterThan(100);
      expect(stated).toBeGreaterThan(0);
      expect(copy.linkFactsOf(-1)).toEqual([]);
      expect(copy.retrievedByLink.get(-1)).toBeUndefined();
    });

    it("gives each locality's name at a date as nameAt chooses it from all its names", async () => {
      const rows = await database.db.selectFrom('localities').select('id').orderBy('id').execute();
      let renamed = 0;
      for (const { id } of rows) {
        const record = copy.locality(id)!;
        for (const asOf of [undefined, parsePartialDate('1950'), parsePartialDate('1991-12-26')]) {
          const brief = copy.briefAt(id, asOf)!;
          expect(brief).toStrictEqual({
            id,
            key: record.key,
            kind: record.kind,
            country: record.country,
            subdivision: record.subdivision,
            name: nameAt(record.names, asOf),
          });
          if (brief.name !== nameAt(record.names)) renamed++;
        }
      }
      expect(renamed).toBeGreaterThan(0);
      expect(copy.briefAt(-1, undefined)).toBeUndefined();
    });

    it('gives the same detail for every locality, today and at other dates', async () => {
      const rows = await database.db.selectFrom('localities').select('key').orderBy('id').execute();
      let withPartners = 0;
      for (const { key } of rows) {
        for (const asOf of [undefined, parsePartialDate('1950'), parsePartialDate('1991-12-26')]) {
          const expected = await localityDetail(database.db, key, asOf, TODAY);
          expect(localityDetailFromCopy(copy, key, asOf, TODAY)).toEqual(expected);
          if (asOf === undefined && expected.partners.length > 0) withPartners++;
        }
      }
      expect(withPartners).toBeGreaterThan(10);
    });

    it('shows the parent, the citations and the stating sources the database holds', async () => {
      const keys = await database.db.selectFrom('localities').select(['key', 'parent_id']).execute();
      const child = keys.find((k) => k.parent_id !== null)!;
      expect(localityDetailFromCopy(copy, child.key, undefined, TODAY).locality.parent).not.toBeNull();
      const cited = keys.filter(
        (k) => localityDetailFromCopy(copy, k.key, undefined, TODAY).locality.sources.length,
      );
      expect(cited.length).toBeGreaterThan(0);
    });

    it('refuses an unknown key as the database read does', async () => {
      const fromDb = await localityDetail(database.db, 'no-such-place', undefined, TODAY).catch(
        (e: unknown) => e,
      );
      expect(() => localityDetailFromCopy(copy, 'no-such-place', undefined, TODAY)).toThrow(fromDb as Error);
      expect(fromDb).toMatchObject({ code: 'LocalityNotFound', location: { field: 'key' } });
    });
  });
}
