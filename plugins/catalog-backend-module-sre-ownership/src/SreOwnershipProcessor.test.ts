import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { SreOwnershipProcessor } from './SreOwnershipProcessor';

const location = { type: 'file', target: '/catalog-info.yaml' };

function aComponent(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default', annotations },
    spec: { type: 'service', owner: 'group:payments' },
  };
}

async function process(entity: Entity) {
  const logger = mockServices.logger.mock();
  const emitted: CatalogProcessorResult[] = [];
  const result = await new SreOwnershipProcessor({ logger }).postProcessEntity(
    entity,
    location,
    r => emitted.push(r),
  );
  const short = (ref: { kind: string; name: string }) =>
    `${ref.kind.toLocaleLowerCase('en-US')}:${ref.name}`;
  const relations = emitted.map(r =>
    r.type === 'relation'
      ? `${short(r.relation.source)} ${r.relation.type} ${short(
          r.relation.target,
        )}`
      : r.type,
  );
  return { result, relations, logger };
}

describe('SreOwnershipProcessor', () => {
  it('emits reliability owners, specialists and escalation targets as relation pairs', async () => {
    const { relations } = await process(
      aComponent({
        'sre-ownership.io/platform-team': 'group:platform-sre',
        'sre-ownership.io/embedded-sres': 'user:mei-lin',
        'sre-ownership.io/slo-guard': 'user:jane-doe, user:mei-lin',
        'sre-ownership.io/escalation':
          'oncall:group:payments\nuser:mei-lin after 10m',
      }),
    );
    expect(relations).toEqual([
      'component:payments-api sreOwnership-reliabilityOwnedBy group:platform-sre',
      'group:platform-sre sreOwnership-reliabilityOwnerOf component:payments-api',
      'component:payments-api sreOwnership-reliabilityOwnedBy user:mei-lin',
      'user:mei-lin sreOwnership-reliabilityOwnerOf component:payments-api',
      'component:payments-api sreOwnership-hasSpecialist user:jane-doe',
      'user:jane-doe sreOwnership-specialistFor component:payments-api',
      'component:payments-api sreOwnership-hasSpecialist user:mei-lin',
      'user:mei-lin sreOwnership-specialistFor component:payments-api',
      'component:payments-api sreOwnership-escalatesTo group:payments',
      'group:payments sreOwnership-escalationFor component:payments-api',
      'component:payments-api sreOwnership-escalatesTo user:mei-lin',
      'user:mei-lin sreOwnership-escalationFor component:payments-api',
    ]);
  });

  it('keeps a broken entity in the catalog: it warns, emits the valid parts and no error', async () => {
    const entity = aComponent({
      'sre-ownership.io/model': 'embeded',
      'sre-ownership.io/platform-team': 'group:platform-sre',
    });
    const { result, relations, logger } = await process(entity);
    expect(result).toBe(entity);
    expect(relations).toEqual([
      'component:payments-api sreOwnership-reliabilityOwnedBy group:platform-sre',
      'group:platform-sre sreOwnership-reliabilityOwnerOf component:payments-api',
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'component:default/payments-api: sre-ownership.io/model "embeded": is not an ownership model; use one of platform, embedded, hybrid, self-managed',
      {
        entity: 'component:default/payments-api',
        annotation: 'sre-ownership.io/model',
      },
    );
  });

  it('warns about a problem once, not on every processing run', async () => {
    const logger = mockServices.logger.mock();
    const processor = new SreOwnershipProcessor({ logger });
    const entity = aComponent({ 'sre-ownership.io/model': 'embeded' });
    for (let run = 0; run < 3; run++) {
      await processor.postProcessEntity(entity, location, () => {});
    }
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  it('emits nothing and warns about nothing for an entity that declares nothing', async () => {
    const { relations, logger } = await process(aComponent({}));
    expect(relations).toEqual([]);
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
