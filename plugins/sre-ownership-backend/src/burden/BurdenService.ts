import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  OnCallNow,
  PulseDecline,
  ServiceOnCallHealth,
  TeamBurden,
  TeamScheduleFeed,
  computeServiceHealth,
  computeTeamBurden,
  owningGroupRef,
  sreOwnershipBurdenReadPermission,
  whoIsOnCall,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenWindowRange, BurdenWindowRequest } from './burdenWindow';
import { TeamPeopleReader } from './TeamPeople';
import {
  bothWindows,
  checkTeamRef,
  eventPeople,
  TeamInputReader,
} from './TeamInputReader';
import { BurdenSettings } from './burdenConfig';
import { OncallStore, TimeRange } from '../oncall/OncallStore';
import { ON_CALL_LOOKAROUND_MS } from '../oncall/OnCallNowReader';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';

/** Who is on call for an entity: the rotations its escalation path pages. */
export type OnCallForEntity = (
  ref: CompoundEntityRef,
  credentials: BackstageCredentials,
) => Promise<OnCallNow[]>;

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
      /**
       * Who is on call for an entity, as every surface answers it (the
       * rotations its escalation path pages); without it, the owning
       * Group's rotation.
       */
      onCallFor?: OnCallForEntity;
      /** The schedule feeds' last reads, so a team's empty window says why. */
      feedRuns?: Pick<OncallStore, 'listFeedRuns'>;
      now?: () => Date;
    },
  ) {
    const cache = options.cache ?? new PrincipalEntityCache();
    this.people = new TeamPeopleReader(
      options.catalog,
      cache,
      options.settings.defaultTimezone,
    );
    this.teams = new TeamInputReader({ ...options, cache });
  }

  private readonly people: TeamPeopleReader;
  private readonly teams: TeamInputReader;

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
    checkTeamRef(team);
    const range = this.teams.window(window);
    const teamRef = stringifyEntityRef(team);
    // The pulse compares its last complete periods: a reason about now only.
    const declines = async (ref: string): Promise<PulseDecline[]> =>
      range.endsNow && this.options.pulse
        ? this.options.pulse.declinesFor(ref)
        : [];
    // The input, the pulse and the permission at once; the figures wait
    // only for the slowest of these.
    const [{ input }, asked, canReadPeople, feeds] = await Promise.all([
      this.teams.read(team, range, credentials),
      declines(teamRef),
      this.allowed(credentials, teamRef),
      this.feedsOf(teamRef),
    ]);
    // Asked as group:default/Payments, stored as the catalog spells it.
    const pulseDeclines =
      input.teamRef === teamRef ? asked : await declines(input.teamRef);
    const burden = {
      ...computeTeamBurden({ ...input, pulseDeclines }),
      ...(feeds ? { scheduleFeeds: feeds } : {}),
    };
    if (canReadPeople) return burden;
    const { engineers: _hidden, ...teamOnly } = burden;
    return teamOnly;
  }

  /**
   * A service's on-call health over the requested window and the one before
   * it. Who is on call is the one answer every surface gives (the rotations
   * the service's escalation path pages), and pages are attributed with
   * those rotations' shifts.
   */
  async getServiceHealth(
    ref: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<ServiceOnCallHealth> {
    const [entity, resolvedOnCall] = await Promise.all([
      this.entity(ref, credentials),
      this.options.onCallFor?.(ref, credentials),
    ]);
    const entityRef = stringifyEntityRef(entity);
    const teamRef = owningGroupRef(entity);
    const range = this.window(window);
    const now = this.now();
    const rotations =
      resolvedOnCall?.map(team => team.teamRef) ?? (teamRef ? [teamRef] : []);
    const shiftRange = this.aroundNow(now, bothWindows(range));
    const [group, pages, shifts] = await Promise.all([
      teamRef
        ? this.options.catalog.getEntityByRef(teamRef, { credentials })
        : undefined,
      this.options.store.listPages({ entityRef, range: bothWindows(range) }),
      Promise.all(
        rotations.map(rotation =>
          this.options.store.listShifts({
            teamRef: rotation,
            range: shiftRange,
          }),
        ),
      ).then(lists => lists.flat()),
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
    const onCall =
      resolvedOnCall ??
      rotations.map(rotation =>
        whoIsOnCall({ teamRef: rotation, shifts, now: now.toISOString() }),
      );
    return { ...health, onCall };
  }

  /** The team's schedule feeds and their last reads; undefined when unknown. */
  private async feedsOf(
    teamRef: string,
  ): Promise<TeamScheduleFeed[] | undefined> {
    if (!this.options.feedRuns) return undefined;
    const key = teamRef.toLocaleLowerCase('en-US');
    const runs = await this.options.feedRuns.listFeedRuns();
    return runs
      .filter(run => run.teamRef.toLocaleLowerCase('en-US') === key)
      .map(run => ({
        feed: run.feed,
        lastRunAt: run.lastRunAt,
        ok: run.ok,
        ...(run.lastSuccessAt ? { lastSuccessAt: run.lastSuccessAt } : {}),
        ...(run.shifts !== undefined ? { shifts: run.shifts } : {}),
        ...(run.lastError ? { lastError: run.lastError } : {}),
      }));
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private window(request: BurdenWindowRequest): BurdenWindowRange {
    return this.teams.window(request);
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
