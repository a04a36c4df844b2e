import { Entity } from '@backstage/catalog-model';
import { readDeclaredOwnership, splitList } from './declared';

function component(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'shop', annotations },
    spec: { type: 'service', owner: 'group:payments' },
  };
}

describe('readDeclaredOwnership', () => {
  it('reads the model and normalises team refs against the entity namespace', () => {
    const declared = readDeclaredOwnership(
      component({
        'sre-ownership.io/model': 'Hybrid',
        'sre-ownership.io/platform-team': 'platform-sre',
        'sre-ownership.io/embedded-sres': 'mei-lin, user:default/sam-carter',
      }),
    );
    expect(declared).toEqual({
      entityRef: 'component:shop/payments-api',
      model: 'hybrid',
      platformTeam: 'group:shop/platform-sre',
      embeddedSres: ['user:shop/mei-lin', 'user:default/sam-carter'],
      problems: [],
    });
  });

  it('returns nothing declared for an entity without annotations', () => {
    const declared = readDeclaredOwnership(component({}));
    expect(declared.model).toBeUndefined();
    expect(declared.platformTeam).toBeUndefined();
    expect(declared.embeddedSres).toEqual([]);
    expect(declared.problems).toEqual([]);
  });

  it('names the entity, key, value and the valid models for an unknown model', () => {
    const declared = readDeclaredOwnership(
      component({ 'sre-ownership.io/model': 'embeded' }),
    );
    expect(declared.model).toBeUndefined();
    expect(declared.problems).toEqual([
      expect.objectContaining({
        entityRef: 'component:shop/payments-api',
        annotation: 'sre-ownership.io/model',
        value: 'embeded',
        severity: 'error',
        message: expect.stringContaining(
          'use one of platform, embedded, hybrid, self-managed',
        ),
      }),
    ]);
  });

  it('reports a malformed ref and keeps the valid ones', () => {
    const declared = readDeclaredOwnership(
      component({ 'sre-ownership.io/embedded-sres': 'user:, mei-lin' }),
    );
    expect(declared.embeddedSres).toEqual(['user:shop/mei-lin']);
    expect(declared.problems).toHaveLength(1);
    expect(declared.problems[0]).toMatchObject({
      annotation: 'sre-ownership.io/embedded-sres',
      value: 'user:',
    });
  });
});

describe('splitList', () => {
  it('splits on commas and newlines and drops blanks', () => {
    expect(splitList(' a, b\nc,, \n')).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
  });
});
