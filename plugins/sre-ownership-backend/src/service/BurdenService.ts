import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  OnCallNow,
  ResolvedOwnership,
  SRE_OWNERSHIP_ANNOTATIONS,
  ServiceOnCallHealth,
  TeamBurden,
  computeServiceHealth,
  computeTeamBurden,
  isKnownTimezone,
  ownerRefOf,
  sreOwnershipBurdenReadPermission,
  whoIsOnCall,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenSettings } from '../burdenConfig';
import { OncallStore, TimeRange } from '../database/OncallStore';
import { PrincipalEntityCache } from './PrincipalEntityCache';

const DAY_MS = 24 * 60 * 60 * 1000;
// Shifts this far around "now" decide who is on call now and next.
const ON_CALL_LOOKAROUND_MS = 31 * DAY_MS;

/**
 * On-call burden of teams and on-call health of services: reads the events
 * from the store and the people from the catalog (with the caller's
 * credentials), and hands both to the pure burden engine.
 */
export class BurdenService {
  constructor(
    private readonly options: {
      store: OncallStore;
      catalog: CatalogService;
      permissions: PermissionsService;
      settings: BurdenSettings;
      /** Shared with ownership resolution: people a caller read recently. */
      cache?: PrincipalEntityCache;
      now?: () => Date;
    },
  ) {
    this.cache = options.cache ?? new PrincipalEntityCache();
  }

  private readonly cache: PrincipalEntityCache;

  async getTeamBurden(
    team: CompoundEntityRef,
    days: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<TeamBurden> {
    const group = await this.entity(team, credentials);
    if (group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `${stringifyEntityRef(
          group,
        )} is not a Group; burden is measured per team`,
      );
    }
    const teamRef = stringifyEntityRef(group);
    const { now, windowDays, range } = this.windows(days);
    const [members, shifts, pages, toil, canReadPeople] = await Promise.all([
      this.membersOf(group, credentials),
      this.options.store.listShifts({ teamRef, range }),
      this.options.store.listPages({ teamRef, range }),
      this.options.store.listToil({ teamRef, range }),
      this.allowed(credentials),
    ]);
    const burden = computeTeamBurden({
      teamRef,
      now: now.toISOString(),
      windowDays,
      members,
      defaultTimezone: this.options.settings.defaultTimezone,
      shifts,
      pages,
      toil,
      limits: this.options.settings.limits,
      workingTime: this.options.settings.workingTime,
    });
    if (canReadPeople) return burden;
    const { engineers: _hidden, ...teamOnly } = burden;
    return teamOnly;
  }

  async getServiceHealth(
    ref: CompoundEntityRef,
    days: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<ServiceOnCallHealth> {
    const entity = await this.entity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const owner = ownerRefOf(entity);
    const teamRef = owner?.startsWith('group:') ? owner : undefined;
    const group = teamRef
      ? await this.options.catalog.getEntityByRef(teamRef, { credentials })
      : undefined;
    const { now, windowDays, range } = this.windows(days);
    const [pages, shifts, members] = await Promise.all([
      this.options.store.listPages({ entityRef, range }),
      teamRef
        ? this.options.store.listShifts({
            teamRef,
            range: this.aroundNow(now, range),
          })
        : [],
      group ? this.membersOf(group, credentials) : [],
    ]);
    const health = computeServiceHealth({
      entityRef,
      now: now.toISOString(),
      windowDays,
      pages,
      shifts,
      members,
      defaultTimezone: this.options.settings.defaultTimezone,
      workingTime: this.options.settings.workingTime,
    });
    const onCall = teamRef
      ? [whoIsOnCall({ teamRef, shifts, now: now.toISOString() })]
      : [];
    return { ...health, onCall };
  }

  /** Adds who is on call now to the `oncall` levels of an escalation path. */
  async withOnCall(resolved: ResolvedOwnership): Promise<ResolvedOwnership> {
    const levels = await Promise.all(
      resolved.escalation.levels.map(async level =>
        level.type === 'oncall' && level.target.exists
          ? { ...level, onCall: await this.onCallNow(level.target.ref) }
          : level,
      ),
    );
    return { ...resolved, escalation: { ...resolved.escalation, levels } };
  }

  private async onCallNow(teamRef: string): Promise<OnCallNow> {
    const now = this.now();
    const shifts = await this.options.store.listShifts({
      teamRef,
      range: this.aroundNow(now, { from: now, to: now }),
    });
    return whoIsOnCall({ teamRef, shifts, now: now.toISOString() });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private windows(days: number | undefined) {
    const windowDays = days ?? this.options.settings.windowDays;
    const now = this.now();
    const range: TimeRange = {
      from: new Date(now.getTime() - 2 * windowDays * DAY_MS),
      to: now,
    };
    return { now, windowDays, range };
  }

  private aroundNow(now: Date, range: TimeRange): TimeRange {
    return {
      from: new Date(
        Math.min(range.from.getTime(), now.getTime() - ON_CALL_LOOKAROUND_MS),
      ),
      to: new Date(now.getTime() + ON_CALL_LOOKAROUND_MS),
    };
  }

  private async entity(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(ref, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(
        `No entity ${stringifyEntityRef(ref)} in the catalog`,
      );
    return entity;
  }

  /** Members with their time zone: the User's annotation, else the Group's, else the default. */
  private async membersOf(group: Entity, credentials: BackstageCredentials) {
    const refs = (group.relations ?? [])
      .filter(r => r.type === 'hasMember')
      .map(r => r.targetRef);
    const known = this.cache.get(credentials);
    const missing = refs.filter(ref => !known.has(ref));
    if (missing.length) {
      const { items } = await this.options.catalog.getEntitiesByRefs(
        { entityRefs: missing },
        { credentials },
      );
      const fetched = new Map(
        missing.map((ref, index) => [ref, items[index] ?? null]),
      );
      this.cache.remember(credentials, fetched);
      fetched.forEach((entity, ref) => known.set(ref, entity));
    }
    const zoneOf = (entity: Entity | null | undefined) =>
      validZone(
        entity?.metadata.annotations?.[SRE_OWNERSHIP_ANNOTATIONS.timezone],
      );
    return refs.map(userRef => ({
      userRef,
      timezone:
        zoneOf(known.get(userRef)) ??
        zoneOf(group) ??
        this.options.settings.defaultTimezone,
    }));
  }

  private async allowed(credentials: BackstageCredentials): Promise<boolean> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: sreOwnershipBurdenReadPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}

// A bad time zone annotation is reported on the ownership card; here it falls
// back to the next level rather than failing the whole team.
function validZone(zone: string | undefined): string | undefined {
  return zone && isKnownTimezone(zone) ? zone : undefined;
}
