import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PulseDecline } from '@sre-ownership/plugin-sre-ownership-common';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { OncallStore } from '../oncall/OncallStore';
import { registerBurdenActions } from './burdenActions';
import { BurdenSettings } from './burdenConfig';
import { BurdenService, OnCallForEntity } from './BurdenService';

/** Builds the on-call burden service and registers the burden actions. */
export function createBurden(options: {
  store: OncallStore;
  catalog: CatalogService;
  permissions: PermissionsService;
  actionsRegistry: ActionsRegistryService;
  settings: BurdenSettings;
  cache: PrincipalEntityCache;
  /** The on-call pulse, whose falling averages are status reasons. */
  pulse: { declinesFor(teamRef: string): Promise<PulseDecline[]> };
  /** Who is on call for an entity, as every surface answers it. */
  onCallFor: OnCallForEntity;
  /** The schedule feeds' last reads. */
  feedRuns: Pick<OncallStore, 'listFeedRuns'>;
}): BurdenService {
  const { actionsRegistry, ...serviceOptions } = options;
  const burden = new BurdenService(serviceOptions);
  registerBurdenActions({ actionsRegistry, burden });
  return burden;
}
