import { Entity } from '@backstage/catalog-model';
import {
  isSreOwnershipApplicable,
  isSreOwnershipAvailable,
} from './conditions';

const entity = (
  kind: string,
  annotations?: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'payments-api', annotations },
});

describe('isSreOwnershipApplicable', () => {
  it.each(['Component', 'API', 'Resource', 'System'])(
    'shows the cards on an undeclared %s',
    kind => {
      expect(isSreOwnershipApplicable(entity(kind))).toBe(true);
    },
  );

  it.each(['Group', 'User', 'Domain', 'Location', 'Template'])(
    'keeps them off %s pages',
    kind => {
      expect(
        isSreOwnershipApplicable(
          entity(kind, { 'sre-ownership.io/model': 'platform' }),
        ),
      ).toBe(false);
    },
  );
});

describe('isSreOwnershipAvailable', () => {
  it('is true only for an entity with its own declaration', () => {
    expect(
      isSreOwnershipAvailable(
        entity('Component', { 'sre-ownership.io/model': 'platform' }),
      ),
    ).toBe(true);
    expect(isSreOwnershipAvailable(entity('Component'))).toBe(false);
    expect(
      isSreOwnershipAvailable(
        entity('Component', { 'backstage.io/techdocs-ref': 'dir:.' }),
      ),
    ).toBe(false);
  });
});
