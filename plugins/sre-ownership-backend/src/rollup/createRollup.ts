import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { BurdenService } from '../burden/BurdenService';
import { ReliabilityIndex } from '../reliabilityIndex/createReliabilityIndex';
import { registerSloActions } from '../slo/sloActions';
import { Slos } from '../slo/createSlo';
import { RollupService } from './RollupService';

/**
 * Builds the roll-ups of Systems, Domains and teams, and registers the SLO
 * action, which answers for an entity live and for a team or System from
 * its roll-up.
 */
export function createRollup(options: {
  catalog: CatalogService;
  index: ReliabilityIndex;
  slos: Slos;
  burden: BurdenService;
  actionsRegistry: ActionsRegistryService;
  defaultWindowDays: number;
}): RollupService {
  const rollups = new RollupService({
    catalog: options.catalog,
    snapshot: options.index.snapshot,
    readable: options.index.readable,
    slos: options.slos.store,
    burden: options.burden,
    defaultWindowDays: options.defaultWindowDays,
  });
  registerSloActions({
    actionsRegistry: options.actionsRegistry,
    slos: options.slos.service,
    rollups,
  });
  return rollups;
}
