import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { SRE_OWNERSHIP_ANNOTATIONS } from './annotations';
import { isKnownTimezone } from './burden/localTime';
import { DEFAULT_TIMEZONE } from './burden/types';
import { OwnershipProblem } from './problems';

/**
 * Where a person's time zone came from.
 *
 * @public
 */
export type TimezoneSource = 'user' | 'group' | 'config';

/**
 * A person's time zone, where it came from, and the problems met on the way
 * (an annotation naming a zone that does not exist).
 *
 * @public
 */
export interface PersonTimezoneResolution {
  timezone: string;
  source: TimezoneSource;
  problems: OwnershipProblem[];
}

const KEY = SRE_OWNERSHIP_ANNOTATIONS.timezone;

function declaredZone(entity: Entity | null | undefined): string | undefined {
  const value = entity?.metadata.annotations?.[KEY]?.trim();
  return value ? value : undefined;
}

function unknownZone(
  entity: Entity,
  value: string,
  used: string,
  from: string,
): OwnershipProblem {
  return {
    entityRef: stringifyEntityRef(entity),
    annotation: KEY,
    value,
    message: `is not an IANA time zone, so local hours are read in ${used} (${from}) instead; use a name such as Europe/London or America/New_York`,
    severity: 'error',
  };
}

/**
 * The one rule for the time zone a person's local hours (business hours,
 * sleep hours, weekends) are read in, for team members and for people who
 * cover or answer another team's pages alike: the User's
 * `sre-ownership.io/timezone`, else the same annotation on the Group being
 * viewed, else `defaultTimezone` (app-config
 * `sreOwnership.burden.defaultTimezone`). A level naming an unknown zone is
 * skipped and reported as a problem naming the entity and the annotation.
 *
 * @param options - `user`: the person's User entity, null or absent when the
 *   catalog has none the caller may see; `group`: the Group whose figures are
 *   being computed
 * @public
 */
export function resolvePersonTimezone(options: {
  user?: Entity | null;
  group?: Entity | null;
  defaultTimezone: string;
}): PersonTimezoneResolution {
  const { user, group, defaultTimezone } = options;
  const levels: Array<[TimezoneSource, Entity | null | undefined]> = [
    ['user', user],
    ['group', group],
  ];
  const rejected: Array<[Entity, string]> = [];
  let found: { timezone: string; source: TimezoneSource } | undefined;
  for (const [source, entity] of levels) {
    const zone = declaredZone(entity);
    if (!zone || !entity) continue;
    if (isKnownTimezone(zone)) {
      found = { timezone: zone, source };
      break;
    }
    rejected.push([entity, zone]);
  }
  const resolved = found ?? {
    timezone: isKnownTimezone(defaultTimezone)
      ? defaultTimezone
      : DEFAULT_TIMEZONE,
    source: 'config' as const,
  };
  const from =
    resolved.source === 'config'
      ? 'the configured default'
      : `from ${stringifyEntityRef(
          (resolved.source === 'user' ? user : group)!,
        )}`;
  return {
    ...resolved,
    problems: rejected.map(([entity, zone]) =>
      unknownZone(entity, zone, resolved.timezone, from),
    ),
  };
}
