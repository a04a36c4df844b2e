import {
  BackstageCredentials,
  BackstageUserPrincipal,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  RestTaken,
  TeamBurdenInput,
  TeamCompensation,
  TeamRestOwed,
  computeCompensation,
  computeRestOwed,
  isManagerOfTeam,
  restTakenDays,
} from '@sre-ownership/plugin-sre-ownership-common';
import {
  BurdenWindowRange,
  BurdenWindowRequest,
  resolveBurdenWindow,
} from '../burden/burdenWindow';
import { memberRefsOf, TeamPeopleReader } from '../burden/TeamPeople';
import { BurdenSettings } from '../burden/burdenConfig';
import { OncallStore } from '../oncall/OncallStore';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';
import { RestTakenStore } from './RestTakenStore';

/** Rest taken as a caller asks to record it. */
export interface RestTakenRequest {
  userRef: string;
  date: string;
  minutes: number;
  note?: string;
}

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

/** Whether `date` is a real `YYYY-MM-DD` calendar day. */
function isCalendarDay(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && isoDay(parsed) === date;
}

/**
 * Rest owed after heavy on-call periods, rest taken, and the compensation
 * figures of a team's engineers. Reads the team's events from the store and
 * its people from the catalog with the caller's credentials, and hands both
 * to the pure rules in `-common`. The routes check the permissions; this
 * adds the rule that only a manager records someone else's rest.
 */
export class RestService {
  private readonly people: TeamPeopleReader;

  constructor(
    private readonly options: {
      oncall: Pick<OncallStore, 'listShifts' | 'listPages'>;
      restTaken: RestTakenStore;
      catalog: CatalogService;
      userInfo: UserInfoService;
      settings: BurdenSettings;
      cache?: PrincipalEntityCache;
      now?: () => Date;
    },
  ) {
    this.people = new TeamPeopleReader(
      options.catalog,
      options.cache ?? new PrincipalEntityCache(),
      options.settings.defaultTimezone,
    );
  }

  /**
   * Rest owed to each engineer of the team over the window, less rest
   * taken, with the members whose rest the caller may record
   * (`mayRecord`: whether the caller holds `sre-ownership.rest.record` on the
   * team, as the route found).
   */
  async getRestOwed(
    team: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
    mayRecord = false,
  ): Promise<TeamRestOwed> {
    const { input, range, group } = await this.teamInput(
      team,
      window,
      credentials,
    );
    const [taken, mayRecordFor] = await Promise.all([
      this.options.restTaken.list({
        teamRef: input.teamRef,
        ...restTakenDays({
          from: range.from.toISOString(),
          to: range.to.toISOString(),
        }),
      }),
      mayRecord ? this.recordableMembers(group, credentials) : [],
    ]);
    const owed = computeRestOwed({
      ...input,
      rules: this.options.settings.restRules,
      taken,
    });
    return { ...owed, mayRecordFor };
  }

  /** On-call time, pages and response time per engineer and band over the window. */
  async getCompensation(
    team: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<TeamCompensation> {
    const { input } = await this.teamInput(team, window, credentials);
    return computeCompensation(input);
  }

  /**
   * Records rest an engineer of the team took on one day; recording the day
   * again replaces it. A user may record their own rest; someone else's only
   * as a manager of the team (its `sre-ownership.io/managers`). A service
   * (e.g. a time-off system's token) may record anyone's.
   *
   * @throws InputError naming the field; NotAllowedError for someone else's
   *   rest without being a manager
   */
  async recordRestTaken(
    team: CompoundEntityRef,
    request: RestTakenRequest,
    credentials: BackstageCredentials,
  ): Promise<{ taken: RestTaken; created: boolean }> {
    if (!isCalendarDay(request.date)) {
      throw new InputError(
        `date: "${request.date}" is not a calendar day; write it as 2026-03-10`,
      );
    }
    const group = await this.group(team, credentials);
    const teamRef = stringifyEntityRef(group);
    const userRef = request.userRef.toLocaleLowerCase('en-US');
    const member = memberRefsOf(group).find(
      ref => ref.toLocaleLowerCase('en-US') === userRef,
    );
    if (!member) {
      throw new InputError(
        `userRef: ${request.userRef} is not a member of ${teamRef}; record rest on the engineer's own team`,
      );
    }
    const recordedBy = await this.checkMayRecordFor(group, member, credentials);
    const taken: RestTaken = {
      teamRef,
      userRef: member,
      date: request.date,
      minutes: request.minutes,
      ...(request.note ? { note: request.note } : {}),
      recordedBy,
      recordedAt: this.now().toISOString(),
    };
    const { created } = await this.options.restTaken.record(taken);
    return { taken, created };
  }

  /**
   * The members whose rest the caller may record, given the permission:
   * everyone for a service or a manager of the team, else only themselves.
   */
  private async recordableMembers(
    group: Entity,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const members = memberRefsOf(group);
    const principal = credentials.principal as
      | BackstageUserPrincipal
      | { type: 'service' };
    if (principal.type !== 'user') return members;
    if (await this.isManager(group, credentials)) return members;
    const self = principal.userEntityRef.toLocaleLowerCase('en-US');
    return members.filter(ref => ref.toLocaleLowerCase('en-US') === self);
  }

  /** Whether a user caller is named in the Group's `sre-ownership.io/managers`. */
  private async isManager(
    group: Entity,
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const user = credentials as BackstageCredentials<BackstageUserPrincipal>;
    const { ownershipEntityRefs } = await this.options.userInfo.getUserInfo(
      user,
    );
    return isManagerOfTeam(group, [
      user.principal.userEntityRef,
      ...ownershipEntityRefs,
    ]);
  }

  /** Who is recording; refuses a user recording someone else's rest unless a manager. */
  private async checkMayRecordFor(
    group: Entity,
    engineerRef: string,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const principal = credentials.principal as
      | BackstageUserPrincipal
      | { type: 'service'; subject: string };
    if (principal.type !== 'user') return principal.subject;
    const self = principal.userEntityRef;
    const own =
      self.toLocaleLowerCase('en-US') ===
      engineerRef.toLocaleLowerCase('en-US');
    if (!own && !(await this.isManager(group, credentials))) {
      throw new NotAllowedError(
        `Only ${engineerRef} or a manager of ${stringifyEntityRef(
          group,
        )} (sre-ownership.io/managers) may record their rest`,
      );
    }
    return self;
  }

  private async teamInput(
    team: CompoundEntityRef,
    window: BurdenWindowRequest,
    credentials: BackstageCredentials,
  ): Promise<{
    input: TeamBurdenInput;
    range: BurdenWindowRange;
    group: Entity;
  }> {
    const { settings } = this.options;
    const range = resolveBurdenWindow(window, settings.windowDays, this.now());
    const group = await this.group(team, credentials);
    const teamRef = stringifyEntityRef(group);
    const query = { teamRef, range: { from: range.from, to: range.to } };
    const [shifts, pages] = await Promise.all([
      this.options.oncall.listShifts(query),
      this.options.oncall.listPages(query),
    ]);
    const people = await this.people.read(
      group,
      [
        ...shifts.map(shift => shift.userRef),
        ...pages.flatMap(page =>
          page.responderRef ? [page.responderRef] : [],
        ),
      ],
      credentials,
    );
    const input: TeamBurdenInput = {
      teamRef,
      now: range.to.toISOString(),
      windowDays: range.days,
      windowEndsNow: range.endsNow,
      ...people,
      shifts,
      pages,
      toil: [],
      limits: settings.limits,
      workingTime: settings.workingTime,
    };
    return { input, range, group };
  }

  private async group(
    team: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.options.catalog.getEntityByRef(team, {
      credentials,
    });
    if (!entity || entity.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(
        `No Group ${stringifyEntityRef(team)} in the catalog`,
      );
    }
    return entity;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
