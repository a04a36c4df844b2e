import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  BurdenStatus,
  BurdenTrend,
  Party,
  SPECIALIST_ROLES,
  SpecialistCell,
  SpecialistGapRow,
  TeamBurden,
  TeamRisk,
} from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenService } from '../burden/BurdenService';
import {
  canRead,
  CatalogReadFilter,
} from '../reliabilityIndex/CatalogReadFilter';
import { IndexSnapshot } from '../reliabilityIndex/IndexSnapshot';
import { TeamSpecialist, teamSpecialist } from './teamSpecialists';
import { ReliabilityIndexStore } from '../reliabilityIndex/ReliabilityIndexStore';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEVERITY: Record<BurdenStatus, number> = {
  'no-data': 0,
  healthy: 0,
  'at-risk': 1,
  overloaded: 2,
};

/**
 * Whether a status got worse, better or stayed. No data on either side
 * compares with nothing: the trend is `same`, and the status says no data.
 */
export function trendOf(
  status: BurdenStatus,
  previous: BurdenStatus,
): BurdenTrend {
  if (status === 'no-data' || previous === 'no-data') return 'same';
  const change = SEVERITY[status] - SEVERITY[previous];
  if (change > 0) return 'worse';
  if (change < 0) return 'better';
  return 'same';
}

/** One role's cell of the matrix from the team's resolved specialist. */
export function specialistCell(
  specialist: Partial<TeamSpecialist> | undefined,
  overLimit: Map<string, string[]> | null,
): SpecialistCell {
  const primary = specialist?.primary;
  const backups = specialist?.backups ?? [];
  const where = {
    ...(specialist?.declaredOn ? { declaredOn: specialist.declaredOn } : {}),
    ...(specialist?.servicesWithout
      ? { servicesWithout: specialist.servicesWithout }
      : {}),
  };
  const holders = new Set(
    [primary, ...backups]
      .filter((p): p is Party => !!p?.exists)
      .map(p => p.ref),
  );
  return {
    ...(primary ? { primary } : {}),
    backups,
    unfilled: holders.size === 0,
    singlePerson: holders.size === 1,
    samePrimaryAndBackup:
      !!primary && backups.some(backup => backup.ref === primary.ref),
    overLimit: overLimit
      ? [...holders].filter(ref => overLimit.get(ref)?.length)
      : null,
    ...where,
  };
}

/**
 * The team views of the overview: the specialist gaps matrix and the teams
 * at risk. Teams are the indexed Groups that carry a pager (an on-call level
 * of some indexed entity names them), read as the caller may.
 */
export class TeamReports {
  constructor(
    private readonly options: {
      snapshot: IndexSnapshot;
      store: ReliabilityIndexStore;
      readable: CatalogReadFilter;
      burden: BurdenService;
      defaultWindowDays: number;
      now?: () => Date;
    },
  ) {}

  /** The Groups the caller may read that carry a pager, by ref. */
  private async teams(credentials: BackstageCredentials) {
    const [view, readable] = await Promise.all([
      this.options.snapshot.view(),
      this.options.readable.forCaller(credentials),
    ]);
    if (!readable.all && readable.denied) {
      throw new NotAllowedError(
        'You may not read the catalog (catalog.entity.read)',
      );
    }
    const refs = new Set<string>();
    for (const summary of view.summaries) {
      if (!canRead(readable, summary.entityRef)) continue;
      summary.onCallTeams.forEach(team => refs.add(team));
    }
    return [...refs]
      .map(ref => view.byRef.get(ref.toLocaleLowerCase('en-US')))
      .filter(
        (team): team is NonNullable<typeof team> =>
          !!team && team.kind === 'group' && canRead(readable, team.entityRef),
      )
      .sort((a, b) => a.entityRef.localeCompare(b.entityRef));
  }

  private async burdens(
    teamRefs: string[],
    window: { days?: number; from?: string; to?: string },
    credentials: BackstageCredentials,
  ): Promise<Map<string, TeamBurden>> {
    const result = new Map<string, TeamBurden>();
    await Promise.all(
      teamRefs.map(async ref => {
        try {
          result.set(
            ref,
            await this.options.burden.getTeamBurden(
              parseEntityRef(ref),
              window,
              credentials,
            ),
          );
        } catch (error) {
          // A team the catalog no longer has is left out, not an error.
          if (!(error instanceof NotFoundError)) throw error;
        }
      }),
    );
    return result;
  }

  async teamsAtRisk(
    days: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<TeamRisk[]> {
    const teams = await this.teams(credentials);
    const refs = teams.map(team => team.entityRef);
    const length = days ?? this.options.defaultWindowDays;
    const now = this.options.now?.() ?? new Date();
    const previousTo = new Date(now.getTime() - length * DAY_MS);
    const [current, previous] = await Promise.all([
      this.burdens(refs, { days: length }, credentials),
      this.burdens(
        refs,
        {
          from: new Date(previousTo.getTime() - length * DAY_MS).toISOString(),
          to: previousTo.toISOString(),
        },
        credentials,
      ),
    ]);
    return teams.flatMap(team => {
      const latest = current.get(team.entityRef);
      const before = previous.get(team.entityRef);
      if (!latest || !before) return [];
      return [
        {
          teamRef: team.entityRef,
          displayName: team.title ?? team.name,
          status: latest.status,
          ...(latest.reasons[0] ? { topReason: latest.reasons[0] } : {}),
          previousStatus: before.status,
          trend: trendOf(latest.status, before.status),
        },
      ];
    });
  }

  async specialistGaps(
    credentials: BackstageCredentials,
  ): Promise<SpecialistGapRow[]> {
    const teams = await this.teams(credentials);
    const refs = teams.map(team => team.entityRef);
    const servicesOf = await this.servicesByTeam(refs, credentials);
    const serviceRefs = [...servicesOf.values()].flat();
    const [resolved, burdens] = await Promise.all([
      this.options.store.resolved([...refs, ...serviceRefs]),
      this.burdens(refs, {}, credentials),
    ]);
    const resolvedOf = (ref: string) =>
      resolved.get(ref.toLocaleLowerCase('en-US'));
    // Per-person figures: absent from every burden when the caller may not
    // read them, and then nobody can be said to be over or under a limit.
    const measured = [...burdens.values()].some(b => b.engineers);
    const overLimit = measured ? new Map<string, string[]>() : null;
    for (const burden of burdens.values()) {
      for (const engineer of burden.engineers ?? []) {
        overLimit?.set(engineer.userRef, [
          ...(overLimit.get(engineer.userRef) ?? []),
          ...engineer.overLimit,
        ]);
      }
    }
    return teams.map(team => {
      const own = resolvedOf(team.entityRef);
      const services = (servicesOf.get(team.entityRef) ?? []).flatMap(
        ref => resolvedOf(ref) ?? [],
      );
      return {
        teamRef: team.entityRef,
        displayName: team.title ?? team.name,
        services: services.length,
        roles: Object.fromEntries(
          SPECIALIST_ROLES.map(role => [
            role,
            specialistCell(teamSpecialist(role, own, services), overLimit),
          ]),
        ) as SpecialistGapRow['roles'],
      };
    });
  }

  /**
   * The Components each team owns (spec.owner), among those the caller may
   * read: the services whose resolved specialists count for the team.
   */
  private async servicesByTeam(
    teamRefs: string[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, string[]>> {
    const [view, readable] = await Promise.all([
      this.options.snapshot.view(),
      this.options.readable.forCaller(credentials),
    ]);
    const byKey = new Map(
      teamRefs.map(ref => [ref.toLocaleLowerCase('en-US'), ref] as const),
    );
    const services = new Map<string, string[]>();
    for (const summary of view.summaries) {
      if (summary.kind !== 'component' || !summary.owner) continue;
      if (!canRead(readable, summary.entityRef)) continue;
      const team = byKey.get(summary.owner.toLocaleLowerCase('en-US'));
      if (!team) continue;
      services.set(team, [...(services.get(team) ?? []), summary.entityRef]);
    }
    return services;
  }
}
