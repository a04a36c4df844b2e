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
  PulseDecline,
  ServiceOnCallHealth,
  TeamBurden,
  computeServiceHealth,
  computeTeamBurden,
  owningGroupRef,
  sreOwnershipBurdenReadPermission,
  whoIsOnCall,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  BurdenWindowRange,
  BurdenWindowRequest,
  resolveBurdenWindow,
} from './burdenWindow';
import { memberRefsOf, TeamPeopleReader } from './TeamPeople';
import { BurdenSettings } from './burdenConfig';
import { OncallStore, TeamEvents, TimeRange } from '../oncall/OncallStore';
import { ON_CALL_LOOKAROUND_MS } from '../oncall/OnCallNowReader';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';

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
      /** The on-call pulse, whose falling averages are status reasons. */
      pulse?: { declinesFor(teamRef: string): Promise<PulseDecline[]> };
      now?: () => Date;
    },
  ) {
    this.people = new TeamPeopleReader(
      options.catalog,
      options.cache ?? new PrincipalEntityCache(),
      options.settings.defaultTimezone,
    );
  }

  private readonly people: TeamPeopleReader;

  /**
   * A team's burden over the requested window and the one before it. The
   * Group is read through the catalog with the caller's credentials, and so
   * are the people (members and anyone from another team who covered it).
   */
  async getTeamBurden(
    team: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<TeamBurden> {
    if (team.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `${stringifyEntityRef(
          team,
        )} is not a Group; burden is measured per team`,
      );
    }
    const range = this.window(window);
    const teamRef = stringifyEntityRef(team);
    // Everything at once: the Group, then its members (by ref: the catalog
    // answers a by-name and a by-refs read together several times faster
    // than one relation query) and, once the events are in too, the people
    // from other teams they name; the pulse; the permission. The figures
    // wait only for the slowest of these.
    const groupRead = this.entity(team, credentials);
    const read = (ref: string) =>
      Promise.all([
        this.options.store.readTeamEvents({
          teamRef: ref,
          range: bothWindows(range),
        }),
        // The pulse compares its last complete periods: a reason about now only.
        range.endsNow && this.options.pulse
          ? this.options.pulse.declinesFor(ref)
          : [],
      ]);
    const asked = read(teamRef);
    const peopleRead = groupRead.then(group => {
      const members = memberRefsOf(group);
      const others = asked.then(([found]) =>
        eventPeople(found).filter(ref => !members.includes(ref)),
      );
      return Promise.all([
        this.people.prefetch(members, credentials),
        others.then(refs => this.people.prefetch(refs, credentials)),
      ]);
    });
    const [group, stored, canReadPeople] = await Promise.all([
      groupRead,
      asked,
      this.allowed(credentials, teamRef),
      peopleRead,
    ]);
    // Asked as group:default/Payments, stored as the catalog spells it.
    const [events, pulseDeclines] =
      stringifyEntityRef(group) === teamRef
        ? stored
        : await read(stringifyEntityRef(group));
    const { shifts, pages, toil } = events;
    const people = await this.people.read(
      group,
      eventPeople(events),
      credentials,
    );
    const burden = computeTeamBurden({
      teamRef: stringifyEntityRef(group),
      now: range.to.toISOString(),
      windowDays: range.days,
      windowEndsNow: range.endsNow,
      ...people,
      shifts,
      pages,
      toil,
      limits: this.options.settings.limits,
      workingTime: this.options.settings.workingTime,
      pulseDeclines,
    });
    if (canReadPeople) return burden;
    const { engineers: _hidden, ...teamOnly } = burden;
    return teamOnly;
  }

  /** A service's on-call health over the requested window and the one before it. */
  async getServiceHealth(
    ref: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<ServiceOnCallHealth> {
    const entity = await this.entity(ref, credentials);
    const entityRef = stringifyEntityRef(entity);
    const teamRef = owningGroupRef(entity);
    const range = this.window(window);
    const now = this.now();
    const [group, pages, shifts] = await Promise.all([
      teamRef
        ? this.options.catalog.getEntityByRef(teamRef, { credentials })
        : undefined,
      this.options.store.listPages({ entityRef, range: bothWindows(range) }),
      teamRef
        ? this.options.store.listShifts({
            teamRef,
            range: this.aroundNow(now, bothWindows(range)),
          })
        : [],
    ]);
    const people = await this.people.read(
      group ?? undefined,
      eventPeople({ shifts, pages, toil: [] }),
      credentials,
    );
    const health = computeServiceHealth({
      entityRef,
      now: range.to.toISOString(),
      windowDays: range.days,
      windowEndsNow: range.endsNow,
      pages,
      shifts,
      members: people.members,
      others: people.others,
      defaultTimezone: people.defaultTimezone,
      workingTime: this.options.settings.workingTime,
    });
    const onCall = teamRef
      ? [whoIsOnCall({ teamRef, shifts, now: now.toISOString() })]
      : [];
    return { ...health, onCall };
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private window(request: BurdenWindowRequest): BurdenWindowRange {
    return resolveBurdenWindow(
      request,
      this.options.settings.windowDays,
      this.now(),
    );
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

  /** Whether the caller may read this team's per-person figures. */
  private async allowed(
    credentials: BackstageCredentials,
    teamRef: string,
  ): Promise<boolean> {
    const [decision] = await this.options.permissions.authorize(
      [{ permission: sreOwnershipBurdenReadPermission, resourceRef: teamRef }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}

/** The current window and the one before it, as one store range. */
function bothWindows(range: BurdenWindowRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.to };
}

/** Everyone named in the events: on call, responding or doing toil. */
function eventPeople({ shifts, pages, toil }: TeamEvents): string[] {
  return [
    ...shifts.map(shift => shift.userRef),
    ...pages.flatMap(page => (page.responderRef ? [page.responderRef] : [])),
    ...toil.map(entry => entry.userRef),
  ];
}
