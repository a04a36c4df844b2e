import { describeSource } from './provenance';

describe('describeSource', () => {
  it('names the entity and annotation a value was declared on', () => {
    expect(
      describeSource({
        type: 'entity',
        entityRef: 'component:default/payments-api',
        annotation: 'sre-ownership.io/model',
        relation: 'self',
      }),
    ).toBe(
      'Declared on component:default/payments-api (sre-ownership.io/model)',
    );
  });

  it('names the entity and annotation a value was inherited from', () => {
    expect(
      describeSource({
        type: 'entity',
        entityRef: 'system:default/payments-platform',
        annotation: 'sre-ownership.io/embedded-sres',
        relation: 'system',
      }),
    ).toBe(
      'Inherited from system:default/payments-platform (sre-ownership.io/embedded-sres)',
    );
  });

  it('names the app-config key of an organisation default', () => {
    expect(
      describeSource({
        type: 'config',
        key: 'sreOwnership.defaults.platformTeam',
      }),
    ).toBe('From app-config sreOwnership.defaults.platformTeam');
  });

  it('states a built-in default as a sentence', () => {
    expect(
      describeSource({
        type: 'default',
        description: 'built-in hybrid matrix',
      }),
    ).toBe('Built-in hybrid matrix');
  });

  it('marks derived values and says how they were derived', () => {
    expect(
      describeSource({
        type: 'derived',
        description: 'from the hybrid model: embedded on-call, then platform',
      }),
    ).toBe('Derived: from the hybrid model: embedded on-call, then platform');
  });
});
