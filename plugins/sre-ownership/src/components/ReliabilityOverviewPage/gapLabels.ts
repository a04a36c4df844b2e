import { CoverageGap } from '@sre-ownership/plugin-sre-ownership-common';

/** The tile title of each coverage gap. */
export const GAP_LABELS: Record<CoverageGap, string> = {
  'no-reliability-owner': 'No reliability owner',
  'no-model': 'No model declared',
  'missing-ref': 'Owner or specialist not in the catalog',
  'no-oncall-source': 'No on-call source',
  'derived-escalation': 'Escalation path not declared or broken',
  'nobody-on-call': 'Nobody on call now',
  'declaration-problems': 'Declaration problems',
};
