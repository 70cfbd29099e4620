import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The schemas are the format's documentation and its inbound whitelist, so these rules are not style:
// an undocumented property is an undocumented part of the format, an open object lets unknown data in.
const dir = join(import.meta.dirname, '..', 'json');
const files = readdirSync(dir).filter((name) => name.endsWith('.schema.json'));

type Node = Record<string, unknown>;

function walk(node: unknown, path: string, visit: (node: Node, path: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((child, index) => walk(child, `${path}/${index}`, visit));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node as Node, path);
  for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`, visit);
}

describe('schema files', () => {
  it('include the module, program, response and instrument schemas', () => {
    expect(files).toEqual(expect.arrayContaining(['module.schema.json', 'program.schema.json', 'response.schema.json', 'instrument.schema.json']));
  });

  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Node;

    it(`${file} is draft 2020-12 with $id, title and description`, () => {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(`https://careloom.org/schemas/${file}`);
      expect(typeof schema['title']).toBe('string');
      expect(typeof schema['description']).toBe('string');
    });

    it(`${file} describes every property`, () => {
      const undocumented: string[] = [];
      walk(schema, '', (node, path) => {
        const properties = node['properties'];
        if (!properties || typeof properties !== 'object' || path.endsWith('/properties')) return;
        for (const [name, property] of Object.entries(properties as Record<string, Node>)) {
          if (typeof property['description'] !== 'string' || property['description'].length < 3) undocumented.push(`${path}/properties/${name}`);
        }
      });
      expect(undocumented).toEqual([]);
    });

    it(`${file} closes every object`, () => {
      const open: string[] = [];
      walk(schema, '', (node, path) => {
        if (path.endsWith('/properties')) return;
        if (node['properties'] !== undefined && node['additionalProperties'] !== false) open.push(path || '/');
      });
      expect(open).toEqual([]);
    });
  }
});
