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
  it('emits forward relations to the reliability owners, specialists and escalation targets it declares', async () => {
    const { relations } = await process(
      aComponent({
        'sre-ownership.io/model': 'hybrid',
        'sre-ownership.io/platform-team': 'group:platform-sre',
        'sre-ownership.io/embedded-sres': 'user:mei-lin',
        'sre-ownership.io/slo-guard': 'user:jane-doe, user:mei-lin',
        'sre-ownership.io/escalation':
          'oncall:group:payments\nuser:mei-lin after 10m',
      }),
    );
    // No reverse relations: those would be stored on the targets.
    expect(relations).toEqual([
      'component:payments-api sreOwnership-reliabilityOwnedBy group:platform-sre',
      'component:payments-api sreOwnership-reliabilityOwnedBy user:mei-lin',
      'component:payments-api sreOwnership-hasSpecialist user:jane-doe',
      'component:payments-api sreOwnership-hasSpecialist user:mei-lin',
      'component:payments-api sreOwnership-escalatesTo group:payments',
      'component:payments-api sreOwnership-escalatesTo user:mei-lin',
    ]);
  });

  it('keeps a broken entity in the catalog: it warns, emits the valid parts and no error', async () => {
    const entity = aComponent({
      'sre-ownership.io/model': 'embeded',
      'sre-ownership.io/platform-team': 'group:platform-sre',
      'sre-ownership.io/slo-guard': 'user:jane-doe',
    });
    const { result, relations, logger } = await process(entity);
    expect(result).toBe(entity);
    // No valid model: nobody owns reliability, as the card says.
    expect(relations).toEqual([
      'component:payments-api sreOwnership-hasSpecialist user:jane-doe',
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

describe('SreOwnershipProcessor with inherited declarations', () => {
  const system: Entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'payments-platform',
      namespace: 'default',
      annotations: {
        'sre-ownership.io/model': 'embedded',
        'sre-ownership.io/embedded-sres': 'user:mei-lin, user:sam-carter',
      },
    },
    spec: { owner: 'group:payments' },
  };
  const inSystem = (name: string): Entity => ({
    ...aComponent({}),
    metadata: { name, namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'group:payments',
      system: 'payments-platform',
    },
  });
  const catalog = new Map([['system:default/payments-platform', system]]);

  function processorReading(
    read: (refs: string[]) => Promise<Array<Entity | undefined>>,
    defaults = {},
  ) {
    const logger = mockServices.logger.mock();
    return {
      logger,
      processor: new SreOwnershipProcessor({
        logger,
        defaults,
        readEntities: read,
      }),
    };
  }

  async function relationsOf(processor: SreOwnershipProcessor, e: Entity) {
    const relations: string[] = [];
    await processor.postProcessEntity(e, location, r => {
      if (r.type === 'relation' && r.relation.source.name === e.metadata.name) {
        relations.push(`${r.relation.type} ${r.relation.target.name}`);
      }
    });
    return relations;
  }

  it('names the embedded SREs of the System as the reliability owners of a component without a model', async () => {
    const { processor } = processorReading(async refs =>
      refs.map(ref => catalog.get(ref)),
    );
    const relations = await relationsOf(processor, inSystem('payments-api'));
    expect(
      relations.filter(r => r.startsWith('sreOwnership-reliabilityOwnedBy')),
    ).toEqual([
      'sreOwnership-reliabilityOwnedBy mei-lin',
      'sreOwnership-reliabilityOwnedBy sam-carter',
    ]);
  });

  it('emits no relation to a party that comes from the app-config defaults', async () => {
    const { processor } = processorReading(
      async refs => refs.map(() => undefined),
      { model: 'platform', platformTeam: 'group:default/platform-sre' },
    );
    const relations = await relationsOf(processor, inSystem('payments-api'));
    // The default platform team would be on every entity of the catalog;
    // the derived escalation path names it too.
    expect(relations).toEqual([]);
  });

  it('names the product team under a default self-managed model: spec.owner is the entity’s own declaration', async () => {
    const { processor } = processorReading(
      async refs => refs.map(() => undefined),
      { model: 'self-managed' },
    );
    const relations = await relationsOf(processor, inSystem('payments-api'));
    expect(relations).toEqual(['sreOwnership-reliabilityOwnedBy payments']);
  });

  it('names an escalation path inherited from the System, not one derived from ownership', async () => {
    const withPath: Entity = {
      ...system,
      metadata: {
        ...system.metadata,
        annotations: {
          ...system.metadata.annotations,
          'sre-ownership.io/escalation': 'oncall:group:payments',
        },
      },
    };
    const declaredPath = processorReading(async refs =>
      refs.map(ref =>
        ref === 'system:default/payments-platform' ? withPath : undefined,
      ),
    ).processor;
    expect(await relationsOf(declaredPath, inSystem('payments-api'))).toContain(
      'sreOwnership-escalatesTo payments',
    );
    const derivedPath = processorReading(async refs =>
      refs.map(ref => catalog.get(ref)),
    ).processor;
    expect(
      (await relationsOf(derivedPath, inSystem('payments-api'))).filter(r =>
        r.startsWith('sreOwnership-escalatesTo'),
      ),
    ).toEqual([]);
  });

  it('reads a System once for the components processed after one another', async () => {
    const read = jest.fn(async (refs: string[]) =>
      refs.map(ref => catalog.get(ref)),
    );
    const { processor } = processorReading(read);
    await relationsOf(processor, inSystem('payments-api'));
    await relationsOf(processor, inSystem('ledger-api'));
    const reads = read.mock.calls.flatMap(([refs]) => refs);
    expect(
      reads.filter(ref => ref === 'system:default/payments-platform'),
    ).toHaveLength(1);
  });

  it('falls back to the entity’s own declarations, with a warning, when the catalog cannot be read', async () => {
    const { processor, logger } = processorReading(async () => {
      throw new Error('catalog not ready');
    });
    const entity = inSystem('payments-api');
    entity.metadata.annotations = { 'sre-ownership.io/slo-guard': 'user:jo' };
    const relations = await relationsOf(processor, entity);
    expect(relations).toEqual(['sreOwnership-hasSpecialist jo']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(
        'component:default/payments-api: could not read what it inherits',
      ),
    );
  });

  it('emits no ownership relations for kinds that have no ownership card', async () => {
    const { processor } = processorReading(async refs =>
      refs.map(ref => catalog.get(ref)),
    );
    const emitted: CatalogProcessorResult[] = [];
    await processor.postProcessEntity(
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: {
          name: 'payments',
          annotations: { 'sre-ownership.io/embedded-sres': 'user:mei-lin' },
        },
        spec: { type: 'team', children: [] },
      },
      location,
      r => emitted.push(r),
    );
    expect(emitted).toEqual([]);
  });
});
