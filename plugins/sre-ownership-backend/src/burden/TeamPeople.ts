import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  OwnershipProblem,
  PersonTimezone,
  resolvePersonTimezone,
} from '@sre-ownership/plugin-sre-ownership-common';
import { canonicalRef } from '../oncall/fields';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';

/** The people a team's figures are about, each in their own time zone. */
export interface TeamPeople {
  members: PersonTimezone[];
  /** People outside the team who appear in its events. */
  others: PersonTimezone[];
  /** The zone of anyone the catalog does not know: the Group's, else config. */
  defaultTimezone: string;
  /** Unknown time zones met on the way, each once. */
  problems: OwnershipProblem[];
}

/**
 * User refs of a Group's members, from its `hasMember` relations, in the
 * lower-cased form events are stored with, so `user:edge/Sydney` in a
 * relation and `user:edge/sydney` in a shift are one person.
 */
export function memberRefsOf(group: Entity): string[] {
  return (group.relations ?? [])
    .filter(relation => relation.type === 'hasMember')
    .map(relation => canonicalRef(relation.targetRef));
}

/**
 * Reads the Users a team's figures are about with the caller's credentials
 * (recently read ones from the cache) and resolves each one's time zone with
 * the single rule in `-common`, `resolvePersonTimezone`.
 */
export class TeamPeopleReader {
  constructor(
    private readonly catalog: CatalogService,
    private readonly cache: PrincipalEntityCache,
    private readonly defaultTimezone: string,
  ) {}

  async read(
    group: Entity | undefined,
    otherRefs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<TeamPeople> {
    const memberRefs = group ? memberRefsOf(group) : [];
    const members = new Set(memberRefs);
    const others = [...new Set([...otherRefs].map(canonicalRef))].filter(
      ref => !members.has(ref),
    );
    const users = await this.users([...memberRefs, ...others], credentials);
    const problems = new Map<string, OwnershipProblem>();
    const zoneOf = (userRef: string): PersonTimezone => {
      const resolved = resolvePersonTimezone({
        user: users.get(userRef),
        group,
        defaultTimezone: this.defaultTimezone,
      });
      resolved.problems.forEach(problem =>
        problems.set(`${problem.entityRef}|${problem.annotation}`, problem),
      );
      return { userRef, timezone: resolved.timezone };
    };
    const result = {
      members: memberRefs.map(zoneOf),
      others: others.map(zoneOf),
      defaultTimezone: resolvePersonTimezone({
        group,
        defaultTimezone: this.defaultTimezone,
      }).timezone,
    };
    return { ...result, problems: [...problems.values()] };
  }

  /**
   * Reads these Users into the caller's cache ahead of {@link read}, so that
   * reading the people an event names can start before the Group is known.
   */
  async prefetch(
    refs: Iterable<string>,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.users([...new Set(refs)], credentials);
  }

  private async users(
    refs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, Entity | null>> {
    const known = this.cache.get(credentials);
    const missing = refs.filter(ref => !known.has(ref));
    if (missing.length) {
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: missing },
        { credentials },
      );
      const fetched = new Map(
        missing.map((ref, index) => [ref, items[index] ?? null]),
      );
      this.cache.remember(credentials, fetched);
      fetched.forEach((entity, ref) => known.set(ref, entity));
    }
    return known;
  }
}
