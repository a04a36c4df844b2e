import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { spec } from './openapi';

/**
 * The demo catalog's API entity for this plugin (examples/sre-ownership-api.yaml)
 * holds the OpenAPI document the backend serves at /api/sre-ownership/openapi.json,
 * so the demo's API docs show it. Its definition is written out rather than
 * read from the running backend: the catalog reads a definition while the
 * backend starts, and reading a local file through `$text` is refused.
 *
 * After changing the contract, write it again with
 *   UPDATE_DEMO_API=1 npm run test:unit -- demoApiEntity
 */
const FILE = join(__dirname, '../../../examples/sre-ownership-api.yaml');

const HEADER = `# The plugin's own REST API, for the demo's API docs (/api-docs). The
# definition is the OpenAPI document the backend serves at
# /api/sre-ownership/openapi.json; plugins/sre-ownership-backend/src/schema/
# demoApiEntity.test.ts fails when the two differ and says how to rewrite it.
`;

function entityYaml(definition: string): string {
  const indented = definition
    .split('\n')
    .map(line => `    ${line}`)
    .join('\n');
  return `${HEADER}apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: sre-ownership-api
  title: SRE Ownership API
  description: The REST API of the SRE Ownership backend plugin, at /api/sre-ownership.
  tags: [openapi, sre]
  annotations:
    sre-ownership.io/model: platform
    sre-ownership.io/platform-team: group:platform-sre
spec:
  type: openapi
  lifecycle: experimental
  owner: group:platform-sre
  definition: |
${indented}
`;
}

describe('the demo catalog API entity of this plugin', () => {
  const served = JSON.stringify(spec, null, 2);

  if (process.env.UPDATE_DEMO_API) {
    writeFileSync(FILE, entityYaml(served));
  }

  it('defines the API with the OpenAPI document the backend serves', () => {
    const [document] = parseAllDocuments(readFileSync(FILE, 'utf8'));
    const entity = document.toJSON();
    expect(entity.kind).toBe('API');
    expect(entity.spec.type).toBe('openapi');
    expect(JSON.parse(entity.spec.definition)).toEqual(JSON.parse(served));
  });
});
