/**
 * Building blocks of the OpenAPI fragments: each capability's `*Spec.ts`
 * uses them, and `src/openapi.ts` assembles the fragments into the full spec.
 */

/** A required, non-empty path parameter. */
export function pathParameter<Name extends string>(name: Name) {
  return {
    name,
    in: 'path',
    required: true,
    schema: { type: 'string', minLength: 1 },
  } as const;
}

/** The path parameters naming one team (a Group). */
export const TEAM_PATH = [
  pathParameter('namespace'),
  pathParameter('name'),
] as const;

/** The path parameters naming one entity. */
export const ENTITY_PATH = [
  pathParameter('kind'),
  pathParameter('namespace'),
  pathParameter('name'),
] as const;

/** A JSON body that is the named component schema, for a `content` map. */
export function jsonContent<Name extends string>(schema: Name) {
  return {
    'application/json': {
      schema: { $ref: `#/components/schemas/${schema}` as const },
    },
  } as const;
}

/** A response whose JSON body is the named component schema. */
export function json<Name extends string>(description: string, schema: Name) {
  return { description, content: jsonContent(schema) } as const;
}

/** An error response: its body is an Error. */
export const error = (description: string) => json(description, 'Error');

/** The answer to a route called without a valid Backstage token. */
export const UNAUTHORIZED = {
  description: 'No valid Backstage token.',
} as const;

/** What a route reading one entity answers besides its data. */
export const ENTITY_READ_ERRORS = {
  '401': UNAUTHORIZED,
  '404': error('No such entity, or the caller may not see it.'),
} as const;

/** A reference to the named component schema. */
export const ref = <Name extends string>(name: Name) =>
  ({ $ref: `#/components/schemas/${name}` } as const);

/** An array of `items`. */
export const arrayOf = <const Item>(items: Item) =>
  ({ type: 'array', items } as const);

/** A string. */
export const STRING = { type: 'string' } as const;

/** An integer. */
export const INTEGER = { type: 'integer' } as const;

/** A number. */
export const NUMBER = { type: 'number' } as const;

/** A boolean. */
export const BOOLEAN = { type: 'boolean' } as const;

/** A number, or null where it is undefined. */
export const NULLABLE_NUMBER = { type: ['number', 'null'] } as const;

/** An ISO 8601 date-time. */
export const TIME = { type: 'string', format: 'date-time' } as const;

/** A string naming one of `values`. */
export const oneOfValues = <Values extends readonly string[]>(values: Values) =>
  ({ type: 'string', enum: values } as const);

/** An object with one property of `schema` per key. */
export const keyed = <Keys extends readonly string[], const Schema>(
  keys: Keys,
  schema: Schema,
) =>
  ({
    type: 'object',
    properties: Object.fromEntries(keys.map(key => [key, schema])) as Record<
      Keys[number],
      Schema
    >,
  } as const);
