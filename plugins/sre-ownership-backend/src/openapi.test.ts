import { spec } from './openapi';
import outline from './__fixtures__/contractOutline.json';

type Node = Record<string, unknown>;

const schemas = spec.components.schemas as unknown as Record<string, Node>;

/**
 * Every schema a response can reach, following `$ref`s into the components,
 * each with where it was reached from.
 */
function responseSchemaNodes(): Array<{ at: string; node: Node }> {
  const found: Array<{ at: string; node: Node }> = [];
  const visited = new Set<unknown>();
  const walk = (value: unknown, at: string) => {
    if (typeof value !== 'object' || value === null || visited.has(value)) {
      return;
    }
    visited.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${at}[${index}]`));
      return;
    }
    const node = value as Node;
    found.push({ at, node });
    if (typeof node.$ref === 'string') {
      const name = node.$ref.replace('#/components/schemas/', '');
      walk(schemas[name], `#/components/schemas/${name}`);
    }
    for (const [key, child] of Object.entries(node)) {
      walk(child, `${at}.${key}`);
    }
  };
  for (const [path, operations] of Object.entries(
    spec.paths as unknown as Record<string, Record<string, Node>>,
  )) {
    for (const [method, operation] of Object.entries(operations)) {
      walk(operation.responses, `${method.toUpperCase()} ${path} responses`);
    }
  }
  return found;
}

describe('the OpenAPI document', () => {
  const nodes = responseSchemaNodes();

  it('describes every response fully: no response schema admits any property', () => {
    expect(
      nodes
        .filter(({ node }) => node.additionalProperties === true)
        .map(({ at }) => at),
    ).toEqual([]);
  });

  it('resolves every schema a response refers to', () => {
    const missing = nodes
      .map(({ node }) => node.$ref)
      .filter((ref): ref is string => typeof ref === 'string')
      .filter(ref => !schemas[ref.replace('#/components/schemas/', '')]);
    expect(missing).toEqual([]);
  });

  it('reaches the ownership, burden and health responses it describes', () => {
    const reached = new Set(nodes.map(({ at }) => at));
    for (const name of [
      'ResolvedOwnership',
      'TeamBurden',
      'ServiceOnCallHealth',
      'Health',
      'Party',
      'TeamFigures',
    ]) {
      expect(reached).toContain(`#/components/schemas/${name}`);
    }
  });

  // The list is checked in so that a change to the served document's
  // operations or schema names is a reviewed change to this file, not a
  // side effect of moving a route or a fragment between folders.
  it('serves exactly the operations and schema names of the checked-in outline', () => {
    const methods = ['get', 'put', 'post', 'delete', 'patch'];
    const operations = Object.entries(
      spec.paths as unknown as Record<string, Node>,
    )
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter(method => methods.includes(method))
          .map(method => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    expect({ operations, schemas: Object.keys(schemas).sort() }).toEqual(
      outline,
    );
  });
});
