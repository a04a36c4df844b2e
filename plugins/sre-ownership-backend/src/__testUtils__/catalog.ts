import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';

type Annotations = Record<string, string>;

const entity = (
  kind: string,
  name: string,
  spec: JsonObject,
  annotations: Annotations = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', annotations },
  spec,
});

/** A small organisation: a hybrid domain, a system with embedded SREs, and the people they name. */
export function anOrganisation(): Entity[] {
  return [
    entity(
      'Domain',
      'commerce',
      { owner: 'group:payments' },
      {
        'sre-ownership.io/model': 'hybrid',
        'sre-ownership.io/platform-team': 'group:platform-sre',
      },
    ),
    entity(
      'System',
      'payments-platform',
      { owner: 'group:payments', domain: 'commerce' },
      {
        'sre-ownership.io/embedded-sres': 'user:mei-lin',
        'sre-ownership.io/incident-response-leader':
          'user:mei-lin, user:amara-okafor',
      },
    ),
    entity(
      'Component',
      'payments-api',
      { type: 'service', owner: 'group:payments', system: 'payments-platform' },
      {
        'sre-ownership.io/slo-guard': 'user:jane-doe',
      },
    ),
    entity('Component', 'payments-ledger', {
      type: 'service',
      owner: 'group:payments',
      system: 'payments-platform',
    }),
    entity(
      'Component',
      'legacy-billing',
      { type: 'service', owner: 'group:payments' },
      {
        'sre-ownership.io/model': 'embeded',
        'sre-ownership.io/slo-guard': 'user:john-smith',
      },
    ),
    entity(
      'Group',
      'payments',
      { type: 'team', children: [], parent: 'engineering' },
      {
        'sre-ownership.io/chat-channel': '#payments-oncall',
      },
    ),
    entity('Group', 'platform-sre', {
      type: 'team',
      children: [],
      parent: 'engineering',
      profile: { displayName: 'Platform SRE' },
    }),
    entity('Group', 'engineering', { type: 'department', children: [] }),
    entity('User', 'mei-lin', {
      profile: { displayName: 'Mei Lin', email: 'mei.lin@acme.example' },
      memberOf: [],
    }),
    entity('User', 'amara-okafor', {
      profile: { displayName: 'Amara Okafor' },
      memberOf: [],
    }),
    entity('User', 'jane-doe', {
      profile: { displayName: 'Jane Doe' },
      memberOf: [],
    }),
  ];
}

/** A team Group named `name`, with no members and no child teams. */
export function aTeam(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  };
}
