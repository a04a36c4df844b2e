import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  owningGroupRef,
  parseAlertSelector,
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

/**
 * Routes incoming alerts and incidents to catalog entities and their owning
 * teams. Entities declare which alert labels are theirs with
 * `sre-ownership.io/alert-selector: service=payments, env=prod` (every label
 * must match); without one, a Component is matched by a `service` label equal
 * to its name. A `team` label naming a Group routes to that team directly.
 * PagerDuty incidents route by the entity's `pagerduty.com/service-id`.
 */
/**
 * A key several entities claim routes nowhere: paging the wrong service at
 * 3 a.m. is worse than an unrouted alert, which the response counts.
 */
class Claims<T> {
  private readonly claims = new Map<string, T | null>();

  claim(key: string, value: T) {
    this.claims.set(key, this.claims.has(key) ? null : value);
  }

  get(key: string): T | undefined {
    return this.claims.get(key) ?? undefined;
  }

  /** The keys claimed more than once. */
  contested(): string[] {
    return [...this.claims]
      .filter(([, value]) => value === null)
      .map(([key]) => key);
  }
}

export class PageRouting {
  private readonly selectors: Selector[] = [];
  private readonly byServiceName = new Claims<PageTarget>();
  private readonly byPagerDutyService = new Claims<PageTarget>();
  private readonly groups = new Claims<string>();

  constructor(entities: Entity[]) {
    for (const entity of entities) {
      const entityRef = stringifyEntityRef(entity);
      const kind = entity.kind.toLocaleLowerCase('en-US');
      if (kind === 'group') {
        this.groups.claim(
          entity.metadata.name.toLocaleLowerCase('en-US'),
          entityRef,
        );
        continue;
      }
      const owner = owningGroupRef(entity);
      const target: PageTarget = {
        entityRef,
        ...(owner ? { teamRef: owner } : {}),
      };
      const annotations = entity.metadata.annotations ?? {};
      // Bad items are reported on the card and in the catalog by the same parser.
      const { matchers } = parseAlertSelector(entity);
      if (matchers) {
        const labels = matchers.map(
          ({ label, value }) => [label, value] as [string, string],
        );
        if (labels.length) this.selectors.push({ labels, target });
      } else if (kind === 'component') {
        this.byServiceName.claim(entity.metadata.name, target);
      }
      const pagerDutyId = annotations['pagerduty.com/service-id'];
      if (pagerDutyId) this.byPagerDutyService.claim(pagerDutyId, target);
    }
  }

  /**
   * Keys more than one entity claims, which route nowhere, as sentences for
   * the log.
   */
  conflicts(): string[] {
    return [
      ...this.byServiceName
        .contested()
        .map(name => `service label "${name}" names several Components`),
      ...this.byPagerDutyService
        .contested()
        .map(id => `pagerduty.com/service-id ${id} is on several entities`),
      ...this.groups
        .contested()
        .map(name => `team label "${name}" names several Groups`),
    ];
  }

  /**
   * The entity and team an alert with these labels belongs to: the matching
   * selector with the most labels, when exactly one has that many.
   */
  forAlertLabels(labels: Record<string, string>): PageTarget {
    const matching = this.selectors.filter(s =>
      s.labels.every(([key, value]) => labels[key] === value),
    );
    const most = Math.max(0, ...matching.map(s => s.labels.length));
    const best = matching.filter(s => s.labels.length === most);
    const target =
      (best.length === 1 ? best[0].target : undefined) ??
      (best.length === 0 && labels.service
        ? this.byServiceName.get(labels.service)
        : undefined) ??
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
