import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SreOwnershipProcessor } from '@sre-ownership/plugin-catalog-backend-module-sre-ownership';
import {
  OwnershipDefaults,
  RELATION_HAS_SRE_SPECIALIST,
  RELATION_RELIABILITY_OWNED_BY,
  ResolvedOwnership,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { OwnershipResolver } from './OwnershipResolver';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';

type Annotations = Record<string, string>;

const anEntity = (
  kind: string,
  name: string,
  spec: Entity['spec'],
  annotations: Annotations = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec,
});

const aUser = (name: string) =>
  anEntity('User', name, { memberOf: ['payments'] });

/**
 * One catalog for both sides: a component with no model of its own, in a
 * System that declares the embedded model and its SREs, owned by a Group
 * whose parent names the specialists.
 */
function aCatalog(): Entity[] {
  return [
    anEntity(
      'System',
      'payments-platform',
      { owner: 'group:payments' },
      {
        'sre-ownership.io/model': 'embedded',
        'sre-ownership.io/embedded-sres': 'user:mei-lin, user:sam-carter',
      },
    ),
    anEntity(
      'Component',
      'payments-api',
      {
        type: 'service',
        lifecycle: 'production',
        owner: 'group:payments',
        system: 'payments-platform',
      },
      {},
    ),
    anEntity('Group', 'payments', {
      type: 'team',
      parent: 'engineering',
      children: [],
    }),
    anEntity(
      'Group',
      'engineering',
      { type: 'department', children: ['payments'] },
      { 'sre-ownership.io/slo-guard': 'user:jane-doe, user:mei-lin' },
    ),
    aUser('mei-lin'),
    aUser('sam-carter'),
    aUser('jane-doe'),
  ];
}

async function backendResolution(
  entities: Entity[],
  defaults: OwnershipDefaults,
): Promise<ResolvedOwnership> {
  const resolver = new OwnershipResolver({
    catalog: catalogServiceMock({ entities }),
    defaults,
    cache: new PrincipalEntityCache(),
    onCall: new OnCallNowReader({
      store: { listShifts: async () => [], shiftWrites: () => 0 },
      ttlMs: 0,
    }),
  });
  return resolver.getOwnership(
    { kind: 'component', namespace: 'default', name: 'payments-api' },
    mockCredentials.user(),
  );
}

async function emittedRelations(
  entities: Entity[],
  defaults: OwnershipDefaults,
): Promise<Map<string, string[]>> {
  const catalog = catalogServiceMock({ entities });
  const processor = new SreOwnershipProcessor({
    defaults,
    readEntities: async entityRefs =>
      (await catalog.getEntitiesByRefs({ entityRefs })).items,
  });
  const component = entities.find(e => e.metadata.name === 'payments-api')!;
  const byType = new Map<string, string[]>();
  await processor.postProcessEntity(
    component,
    { type: 'url', target: 'https://example.com/catalog-info.yaml' },
    (result: CatalogProcessorResult) => {
      if (result.type !== 'relation') return;
      const { source, type, target } = result.relation;
      if (source.name !== 'payments-api') return;
      const ref = `${target.kind.toLocaleLowerCase('en-US')}:${
        target.namespace
      }/${target.name}`;
      byType.set(type, [...(byType.get(type) ?? []), ref]);
    },
  );
  return byType;
}

describe('catalog relations and the backend resolver', () => {
  const defaults: OwnershipDefaults = {
    platformTeam: 'group:default/platform-sre',
    derivedEscalationStepMinutes: 15,
  };

  it('name the embedded SREs a component inherits from its System as its reliability owners', async () => {
    const entities = aCatalog();
    const resolved = await backendResolution(entities, defaults);
    const relations = await emittedRelations(entities, defaults);

    expect(resolved.model?.value).toBe('embedded');
    expect(resolved.reliabilityOwners.map(p => p.ref)).toEqual([
      'user:default/mei-lin',
      'user:default/sam-carter',
    ]);
    expect(relations.get(RELATION_RELIABILITY_OWNED_BY)).toEqual(
      resolved.reliabilityOwners.map(p => p.ref),
    );
  });

  it('name the specialists inherited from the owner Group’s parent, as the resolver does', async () => {
    const entities = aCatalog();
    const resolved = await backendResolution(entities, defaults);
    const relations = await emittedRelations(entities, defaults);
    const specialists = [
      ...new Set(
        resolved.specialists.flatMap(role =>
          [role.primary, ...role.backups].flatMap(p => (p ? [p.ref] : [])),
        ),
      ),
    ];

    expect(specialists).toEqual([
      'user:default/jane-doe',
      'user:default/mei-lin',
    ]);
    expect(relations.get(RELATION_HAS_SRE_SPECIALIST)).toEqual(specialists);
  });

  it('name no party that comes from app-config, which the resolver names (docs/declarations.md#relations)', async () => {
    const entities = aCatalog().map(e =>
      e.kind === 'System'
        ? { ...e, metadata: { ...e.metadata, annotations: {} } }
        : e,
    );
    const withModel = { ...defaults, model: 'platform' as const };
    const resolved = await backendResolution(entities, withModel);
    const relations = await emittedRelations(entities, withModel);

    expect(resolved.reliabilityOwners.map(p => p.ref)).toEqual([
      'group:default/platform-sre',
    ]);
    // The default team would be on every entity; the config says it once.
    expect(relations.get(RELATION_RELIABILITY_OWNED_BY)).toBeUndefined();
  });
});
