import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { BurdenService } from '../burden/BurdenService';
import { OnCallNowReader } from '../oncall/OnCallNowReader';
import { ReliabilityIndex } from '../reliabilityIndex/createReliabilityIndex';
import { OverviewSettings } from '../reliabilityIndex/overviewConfig';
import { OverviewService } from './OverviewService';
import { TeamReports } from './TeamReports';
import { registerWhoDoICallAction } from './whoDoICallAction';

/** The admin overview's queries and its per-team reports. */
export interface Overview {
  service: OverviewService;
  teams: TeamReports;
}

/**
 * Builds the reliability overview's queries over the index, and registers
 * the who-do-I-call action, which searches the same index.
 */
export function createOverview(options: {
  index: ReliabilityIndex;
  onCall: OnCallNowReader;
  burden: BurdenService;
  actionsRegistry: ActionsRegistryService;
  settings: OverviewSettings;
  /** The burden window a team report covers unless asked otherwise. */
  defaultWindowDays: number;
}): Overview {
  const { index, actionsRegistry } = options;
  const { snapshot, store, readable } = index;
  const service = new OverviewService({
    snapshot,
    store,
    readable,
    onCall: options.onCall,
    settings: options.settings,
  });
  const teams = new TeamReports({
    snapshot,
    store,
    readable,
    burden: options.burden,
    defaultWindowDays: options.defaultWindowDays,
  });
  registerWhoDoICallAction({ actionsRegistry, overview: service });
  return { service, teams };
}
