import { sharedSchemas } from './sharedSchemas';

/** What the plugin's OpenAPI documents say about themselves. */
export const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'sre-ownership',
    version: '1',
    description:
      "Reliability ownership, specialists and escalation paths of catalog entities. Every route except /health needs a Backstage token; entities are read with the caller's credentials.",
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
} as const;

/** The body of every error answer (Backstage's error handler writes it). */
export const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        message: { type: 'string' },
      },
    },
  },
} as const;

/**
 * One capability's contract: its paths, with its component schemas, the
 * shared ones and Error, in a document of their own. The capability's
 * routes are typed and validated by it (`apiRouter` in `http/`); the full
 * spec served at /openapi.json is assembled from the same fragments in
 * `src/openapi.ts`.
 */
export function contract<
  const Schemas extends object,
  const Paths extends object,
>(parts: { schemas: Schemas; paths: Paths }) {
  return {
    ...DOCUMENT,
    components: {
      schemas: { ...sharedSchemas, ...parts.schemas, Error: ERROR_SCHEMA },
    },
    paths: parts.paths,
  };
}
