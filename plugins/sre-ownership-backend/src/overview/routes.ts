import { RequestHandler } from 'express';
import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  COVERAGE_FILTER_KEYS,
  CoverageFilter,
  CoverageGap,
} from '@sre-ownership/plugin-sre-ownership-common';
import { capabilityRoutes } from '../http/apiRouter';
import { overviewContract } from './overviewSpec';
import { normalizeFilter, SortField } from './coverage';
import { OverviewService } from './OverviewService';
import { TeamReports } from './TeamReports';

const DEFAULT_LIST_LIMIT = 100;
const DEFAULT_ANSWERS = 10;

type FilterQuery = { [K in keyof CoverageFilter]?: readonly string[] };

/** The overview queries, as the spec has already validated them. */
interface OverviewQuery extends FilterQuery {
  gap?: CoverageGap;
  sort?: SortField;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
  days?: number;
  q?: string;
}

const queryOf = (req: { query: unknown }) => req.query as OverviewQuery;

function filterOf(query: FilterQuery): CoverageFilter {
  const filter: CoverageFilter = {};
  for (const key of COVERAGE_FILTER_KEYS) {
    if (query[key]?.length) filter[key] = [...query[key]!];
  }
  return normalizeFilter(filter);
}

/** The reliability overview's routes; the spec has validated every query first. */
export function overviewRoutes(options: {
  overview: OverviewService;
  teams: TeamReports;
  caller: (
    req: Parameters<HttpAuthService['credentials']>[0],
  ) => Promise<BackstageCredentials>;
}): RequestHandler {
  return capabilityRoutes<typeof overviewContract>(overviewContract, router => {
    const { overview, teams, caller } = options;

    router.get('/overview/coverage', async (req, res) => {
      // Spread: the spec's body type has an index signature, which the
      // CoverageSummary interface lacks.
      res.json({
        ...(await overview.coverage(filterOf(queryOf(req)), await caller(req))),
      });
    });

    router.get('/overview/entities', async (req, res) => {
      const query = queryOf(req);
      const page = await overview.list(
        {
          gap: query.gap,
          filter: filterOf(query),
          sort: query.sort ?? 'name',
          order: query.order ?? 'asc',
          offset: query.offset ?? 0,
          limit: query.limit ?? DEFAULT_LIST_LIMIT,
        },
        await caller(req),
      );
      res.json({ ...page, items: page.items.map(item => ({ ...item })) });
    });

    router.get('/overview/tiers', async (req, res) => {
      const tiers = await overview.tiers(
        filterOf(queryOf(req)),
        await caller(req),
      );
      res.json({
        ...tiers,
        tiers: tiers.tiers.map(tier => ({
          ...tier,
          fallingShort: tier.fallingShort.map(item => ({ ...item })),
        })),
      });
    });

    router.get('/overview/specialist-gaps', async (req, res) => {
      const rows = await teams.specialistGaps(await caller(req));
      // SpecialistGapRow is the shape the spec describes; its nested interfaces
      // (Party) lack the index signatures of the generated response type.
      res.json({ teams: rows } as unknown as Parameters<typeof res.json>[0]);
    });

    router.get('/overview/teams-at-risk', async (req, res) => {
      const rows = await teams.teamsAtRisk(
        queryOf(req).days,
        await caller(req),
      );
      res.json({ teams: rows.map(row => ({ ...row })) });
    });

    router.get('/overview/who-to-call', async (req, res) => {
      const query = queryOf(req);
      const result = await overview.whoToCall(
        query.q ?? '',
        query.limit ?? DEFAULT_ANSWERS,
        await caller(req),
      );
      res.json({ ...result, answers: result.answers.map(a => ({ ...a })) });
    });
  });
}
