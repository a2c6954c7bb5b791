import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, json, startTestApi, type TestApi } from './api-harness.js';

// The OpenAPI document is built from the same schemas that validate requests and serialise responses. This
// test keeps a snapshot of its outline: every operation with its parameters, the field tree of its request
// body and of its successful responses (optional, nullable, enum values, closed objects), and the shared
// component names. A field that appears, vanishes or changes kind shows here as a diff; run
// `npx vitest run test/api/openapi-document.test.ts -u` when the change is meant.

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean;
}
interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** One line per field: its path, then its type (`|null` when nullable, enum values, `closed` objects). */
function fieldsOf(doc: Document, schema: Schema, path: string, out: string[]): string[] {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    out.push(`${path}: $ref ${name}`);
    return out;
  }
  const type = [schema.type ?? 'any'].flat().join('|');
  const values = schema.enum ? `(${schema.enum.map(String).join('|')})` : '';
  const closed = schema.additionalProperties === false ? ' closed' : '';
  out.push(`${path}: ${type}${values}${closed}`);
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    fieldsOf(doc, field, `${path}.${name}${schema.required?.includes(name) ? '' : '?'}`, out);
  }
  if (schema.items) fieldsOf(doc, schema.items, `${path}[]`, out);
  return out;
}

/** The outline of the document: components' fields, and each operation's parameters, body and responses. */
function outline(doc: Document): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    result[`component ${name}`] = fieldsOf(doc, schema, name, []);
  }
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const lines = (op.parameters ?? []).map((p) => `${p.in}.${p.name}${p.required ? '' : '?'}`).sort();
      for (const [type, { schema }] of Object.entries(op.requestBody?.content ?? {})) {
        fieldsOf(doc, schema, `body ${type}`, lines);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!status.startsWith('2')) {
          lines.push(`${status}: ${fieldsOf(doc, response.content!['application/json']!.schema, '', [])}`);
          continue;
        }
        for (const [type, { schema }] of Object.entries(response.content ?? {})) {
          fieldsOf(doc, schema, `${status} ${type}`, lines);
        }
      }
      result[`${method} ${path}`] = lines;
    }
  }
  return result;
}

describe('the OpenAPI document', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
  });
  afterAll(async () => api?.close());

  it('keeps its operations, components and field trees', async () => {
    const doc = json<Document>(await call(api.app, 'GET', '/openapi.json'));
    expect(Object.keys(doc.components.schemas).sort()).toEqual([
      'ErrorBody',
      'EventInput',
      'Link',
      'Locality',
    ]);
    await expect(`${JSON.stringify(outline(doc), null, 1)}\n`).toMatchFileSnapshot(
      './__snapshots__/openapi-outline.json',
    );
  });
});
