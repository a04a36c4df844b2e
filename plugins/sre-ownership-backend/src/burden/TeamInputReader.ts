import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { TeamBurdenInput } from '@sre-ownership/plugin-sre-ownership-common';
import {
  BurdenWindowRange,
  BurdenWindowRequest,
  resolveBurdenWindow,
} from './burdenWindow';
import { memberRefsOf, TeamPeopleReader } from './TeamPeople';
import { BurdenSettings } from './burdenConfig';
import { OncallStore, TeamEvents, TimeRange } from '../oncall/OncallStore';
import { PrincipalEntityCache } from '../catalog/PrincipalEntityCache';

/** What every figure of a team starts from: the engine input, its window and the Group. */
export interface TeamInput {
  /** The team's people, shifts, pages and toil over both windows, and the settings. */
  input: TeamBurdenInput;
  range: BurdenWindowRange;
  /** The Group as the catalog spells it, read with the caller's credentials. */
  group: Entity;
}

/**
 * Refuses a ref that is not a Group's with a 400: the team figures are
 * measured per team, and a User or Component ref is a wrong request, not a
 * missing team.
 */
export function checkTeamRef(team: CompoundEntityRef): void {
  if (team.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new InputError(
      `${stringifyEntityRef(team)} is not a Group; burden is measured per team`,
    );
  }
}

/**
 * Reads the input of a team's figures: the one place burden, rest owed and
 * compensation get their people and events from, so that they always speak
 * of the same engineers, the same shifts, pages and toil and answer a wrong
 * team the same way.
 */
export class TeamInputReader {
  private readonly people: TeamPeopleReader;

  constructor(
    private readonly options: {
      store: Pick<OncallStore, 'readTeamEvents'>;
      catalog: CatalogService;
      settings: BurdenSettings;
      /** Shared with ownership resolution: people a caller read recently. */
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

  /** The window a request asks for, ending now unless it names its end. */
  window(request: BurdenWindowRequest): BurdenWindowRange {
    return resolveBurdenWindow(
      request,
      this.options.settings.windowDays,
      this.options.now?.() ?? new Date(),
    );
  }

  /**
   * The team's input over `range` and the window before it (the engines
   * compare the two). The Group and the people (members and anyone from
   * another team its events name) are read with the caller's credentials.
   * Throws InputError for a ref that is not a Group's, NotFoundError when
   * the caller cannot see the Group.
   */
  async read(
    team: CompoundEntityRef,
    range: BurdenWindowRange,
    credentials: BackstageCredentials,
  ): Promise<TeamInput> {
    checkTeamRef(team);
    const teamRef = stringifyEntityRef(team);
    // Everything at once: the Group, then its members (by ref: the catalog
    // answers a by-name and a by-refs read together several times faster
    // than one relation query) and, once the events are in too, the people
    // from other teams they name. The input waits only for the slowest.
    const groupRead = this.group(team, credentials);
    const read = (ref: string) =>
      this.options.store.readTeamEvents({
        teamRef: ref,
        range: bothWindows(range),
      });
    const asked = read(teamRef);
    const peopleRead = groupRead.then(group => {
      const members = memberRefsOf(group);
      const others = asked.then(found =>
        eventPeople(found).filter(ref => !members.includes(ref)),
      );
      return Promise.all([
        this.people.prefetch(members, credentials),
        others.then(refs => this.people.prefetch(refs, credentials)),
      ]);
    });
    const [group, stored] = await Promise.all([groupRead, asked, peopleRead]);
    // Asked as group:default/Payments, stored as the catalog spells it.
    const groupRef = stringifyEntityRef(group);
    const events = groupRef === teamRef ? stored : await read(groupRef);
    const people = await this.people.read(
      group,
      eventPeople(events),
      credentials,
    );
    const { settings } = this.options;
    const input: TeamBurdenInput = {
      teamRef: groupRef,
      now: range.to.toISOString(),
      windowDays: range.days,
      windowEndsNow: range.endsNow,
      ...people,
      shifts: events.shifts,
      pages: events.pages,
      toil: events.toil,
      limits: settings.limits,
      workingTime: settings.workingTime,
    };
    return { input, range, group };
  }

  /**
   * The team's Group as the catalog spells it, read with the caller's
   * credentials: InputError for a ref that is not a Group's, NotFoundError
   * when the caller cannot see it.
   */
  async group(
    team: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    checkTeamRef(team);
    const entity = await this.options.catalog.getEntityByRef(team, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `No Group ${stringifyEntityRef(team)} in the catalog`,
      );
    }
    return entity;
  }
}

/** The current window and the one before it, as one store range. */
export function bothWindows(range: BurdenWindowRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - length), to: range.to };
}

/** Everyone named in the events: on call, responding or doing toil. */
export function eventPeople({ shifts, pages, toil }: TeamEvents): string[] {
  return [
    ...shifts.map(shift => shift.userRef),
    ...pages.flatMap(page => (page.responderRef ? [page.responderRef] : [])),
    ...toil.map(entry => entry.userRef),
  ];
}
