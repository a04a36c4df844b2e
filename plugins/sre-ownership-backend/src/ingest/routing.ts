import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  SRE_OWNERSHIP_ANNOTATIONS,
  ownerRefOf,
  splitList,
} from '@sre-ownership/plugin-sre-ownership-common';

/** Where an incoming page belongs in the catalog. */
export interface PageTarget {
  entityRef?: string;
  teamRef?: string;
}

interface Selector {
  labels: Array<[string, string]>;
  target: PageTarget;
}

function parseSelector(value: string): Array<[string, string]> {
  return splitList(value).flatMap(item => {
    const [key, ...rest] = item.split('=');
    return key && rest.length
      ? [[key.trim(), rest.join('=').trim()] as [string, string]]
      : [];
  });
}

/**
 * Routes incoming alerts and incidents to catalog entities and their owning
 * teams. Entities declare which alert labels are theirs with
 * `sre-ownership.io/alert-selector: service=payments, env=prod` (every label
 * must match); without one, a Component is matched by a `service` label equal
 * to its name. A `team` label naming a Group routes to that team directly.
 * PagerDuty incidents route by the entity's `pagerduty.com/service-id`.
 */
export class PageRouting {
  private readonly selectors: Selector[] = [];
  private readonly byServiceName = new Map<string, PageTarget>();
  private readonly byPagerDutyService = new Map<string, PageTarget>();
  private readonly groups = new Map<string, string>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      const kind = entity.kind.toLocaleLowerCase('en-US');
      if (kind === 'group') {
        this.groups.set(
          entity.metadata.name.toLocaleLowerCase('en-US'),
          entityRef,
        );
        continue;
      }
      const owner = ownerRefOf(entity);
      const target: PageTarget = {
        entityRef,
        ...(owner?.startsWith('group:') ? { teamRef: owner } : {}),
      };
      const annotations = entity.metadata.annotations ?? {};
      const selector = annotations[SRE_OWNERSHIP_ANNOTATIONS.alertSelector];
      if (selector) {
        const labels = parseSelector(selector);
        if (labels.length) this.selectors.push({ labels, target });
      } else if (kind === 'component') {
        this.byServiceName.set(entity.metadata.name, target);
      }
      const pagerDutyId = annotations['pagerduty.com/service-id'];
      if (pagerDutyId) this.byPagerDutyService.set(pagerDutyId, target);
    }
    // The most specific selector wins.
    this.selectors.sort((a, b) => b.labels.length - a.labels.length);
  }

  /** The entity and team an alert with these labels belongs to. */
  forAlertLabels(labels: Record<string, string>): PageTarget {
    const selected = this.selectors.find(s =>
      s.labels.every(([key, value]) => labels[key] === value),
    );
    const target =
      selected?.target ??
      (labels.service ? this.byServiceName.get(labels.service) : undefined) ??
      {};
    const team = labels.team
      ? this.groups.get(labels.team.toLocaleLowerCase('en-US'))
      : undefined;
    return { ...target, ...(team ? { teamRef: team } : {}) };
  }

  /** The entity and team of a PagerDuty service. */
  forPagerDutyService(serviceId: string): PageTarget {
    return this.byPagerDutyService.get(serviceId) ?? {};
  }
}
