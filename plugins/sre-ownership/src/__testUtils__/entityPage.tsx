import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { RenderResult, act } from '@testing-library/react';
import { ReactElement } from 'react';
import { SreOwnershipApi, sreOwnershipApiRef } from '../api';

/** A catalog entity for tests, with the annotations given. */
export function anEntity(
  overrides: {
    kind?: string;
    name?: string;
    annotations?: Record<string, string>;
  } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: overrides.kind ?? 'Component',
    metadata: {
      name: overrides.name ?? 'payments-api',
      namespace: 'default',
      annotations: overrides.annotations ?? {},
    },
    spec: { type: 'service', owner: 'group:payments' },
  };
}

/**
 * Renders a card on an entity page with a stubbed SRE Ownership API. Resolves
 * once the stub's already-settled answers have been rendered, so that tests
 * see the state a user would.
 */
export async function renderOnEntityPage(
  element: ReactElement,
  options: {
    entity?: Entity;
    api: Partial<SreOwnershipApi>;
    /** The page's address, e.g. with a query (`/?window=days:7`). */
    path?: string;
  },
): Promise<RenderResult> {
  const result = renderInTestApp(
    <EntityProvider entity={options.entity ?? anEntity()}>
      {element}
    </EntityProvider>,
    {
      apis: [[sreOwnershipApiRef, options.api as SreOwnershipApi]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      ...(options.path ? { initialRouteEntries: [options.path] } : {}),
    },
  );
  // Lets answers the stub has already settled render inside act().
  await act(async () => {});
  return result;
}
