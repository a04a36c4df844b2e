import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { SreOwnershipProcessor } from './SreOwnershipProcessor';

const location = { type: 'file', target: '/catalog-info.yaml' };

async function process(annotations: Record<string, string>) {
  const entity: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:payments' },
  };
  const emitted: CatalogProcessorResult[] = [];
  const result = await new SreOwnershipProcessor().postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  return { result, entity, emitted };
}

describe('SreOwnershipProcessor', () => {
  it('emits reliability ownership relations in both directions', async () => {
    const { emitted } = await process({
      'sre-ownership.io/platform-team': 'group:platform-sre',
      'sre-ownership.io/embedded-sres': 'user:mei-lin',
    });
    const relations = emitted.map(r =>
      r.type === 'relation'
        ? `${r.relation.source.name} ${r.relation.type} ${r.relation.target.name}`
        : r.type,
    );
    expect(relations).toEqual([
      'payments-api sreOwnership-reliabilityOwnedBy platform-sre',
      'platform-sre sreOwnership-reliabilityOwnerOf payments-api',
      'payments-api sreOwnership-reliabilityOwnedBy mei-lin',
      'mei-lin sreOwnership-reliabilityOwnerOf payments-api',
    ]);
  });

  it('emits nothing for an entity that declares nothing', async () => {
    const { emitted, result, entity } = await process({});
    expect(emitted).toEqual([]);
    expect(result).toBe(entity);
  });
});
