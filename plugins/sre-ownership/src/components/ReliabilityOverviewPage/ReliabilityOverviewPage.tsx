import { Content, Header, Page } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import {
  COVERAGE_FILTER_KEYS,
  CoverageFilter,
  CoverageGap,
  CoverageSummary,
  isCoverageGap,
} from '@sre-ownership/plugin-sre-ownership-common';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MissingDeclarationState } from '../states';
import { CoverageFilters } from './CoverageFilters';
import { CoverageTiles } from './CoverageTiles';
import { GapList } from './GapList';
import { OverviewSection } from './OverviewSection';
import { SloTiles, isSloTile } from './SloTiles';
import { SpecialistGapsMatrix } from './SpecialistGapsMatrix';
import { TeamsAtRisk } from './TeamsAtRisk';
import { TierRules } from './TierRules';
import { useOverview } from './useOverview';
import { WhoToCallSearch } from './WhoToCallSearch';

const DECLARE_YAML = `metadata:
  annotations:
    sre-ownership.io/model: platform
    sre-ownership.io/platform-team: group:default/platform-sre
    sre-ownership.io/tier: tier-1`;

/** How often the page asks again while the catalog is still being read. */
const READING_POLL_MS = 5_000;

/**
 * Shown until the reliability index is built from a whole catalog: after a
 * start, the catalog reads its locations in the background, and figures or
 * advice from part of it would be wrong.
 */
export function ReadingCatalogState() {
  return (
    <Typography role="status" data-testid="reading-catalog">
      Still reading the catalog: the reliability index is built once the whole
      catalog has been read after start, which the plugin checks every 30
      seconds by default (sreOwnership.overview.refreshFrequency). This page
      updates by itself.
    </Typography>
  );
}

/** The coverage card's content in each of its states. */
function CoverageBody(props: {
  summary: CoverageSummary;
  filter: CoverageFilter;
  filterKey: string;
  gap?: CoverageGap;
  onFilter: (filter: CoverageFilter) => void;
  onGap: (gap: CoverageGap) => void;
}) {
  const { summary, filter, filterKey, gap } = props;
  if (!summary.refreshedAt) return <ReadingCatalogState />;
  const filters = (
    <CoverageFilters
      key={filterKey}
      filter={filter}
      onChange={props.onFilter}
    />
  );
  const unknown = Object.entries(summary.unknownValues ?? {}).flatMap(
    ([key, values]) => (values ?? []).map(value => `${key} “${value}”`),
  );
  const unknownAlert = unknown.length > 0 && (
    <Box mt={2}>
      <Alert severity="warning" role="alert">
        Unknown value{unknown.length > 1 ? 's' : ''}: {unknown.join(', ')}. No
        entity you may read has {unknown.length > 1 ? 'them' : 'it'}; owner,
        system and domain take a name (payments) or a ref
        (group:default/payments).
      </Alert>
    </Box>
  );
  const filtered = COVERAGE_FILTER_KEYS.some(key => filter[key]?.length);
  if (summary.total === 0 && (unknown.length || filtered)) {
    return (
      <>
        {filters}
        {unknownAlert}
        {!unknown.length && (
          <Box mt={2}>
            <Typography role="status" color="textSecondary">
              No entity you may read matches all of these filters together.
            </Typography>
          </Box>
        )}
      </>
    );
  }
  if (summary.total === 0) {
    return (
      <>
        {filters}
        <MissingDeclarationState
          title="No services match"
          description="Nothing you may read in the catalog matches these filters. Components, APIs, Resources and Systems are counted; declare their reliability ownership in catalog-info.yaml, for example:"
          yaml={DECLARE_YAML}
        />
      </>
    );
  }
  return (
    <>
      {filters}
      {unknownAlert}
      <Box mt={2}>
        <CoverageTiles
          summary={summary}
          selected={gap}
          onSelect={props.onGap}
        />
      </Box>
      {gap && (
        <Box mt={2}>
          <GapList gap={gap} filter={filter} />
        </Box>
      )}
    </>
  );
}

/**
 * The reliability overview: "Who do I call?", coverage tiles with the lists
 * behind them, rules by tier, specialist gaps and teams at risk. The query,
 * the chosen tile and the filters live in the address, so every view can be
 * linked to.
 */
export function ReliabilityOverviewPage() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const gapParam = params.get('gap') ?? '';
  const gap: CoverageGap | undefined = isCoverageGap(gapParam)
    ? gapParam
    : undefined;
  const sloParam = params.get('slo') ?? '';
  const sloTile = isSloTile(sloParam) ? sloParam : undefined;
  const filterKey = COVERAGE_FILTER_KEYS.map(key =>
    params.getAll(key).join(','),
  ).join('|');
  const filter = useMemo(() => {
    const result: CoverageFilter = {};
    for (const key of COVERAGE_FILTER_KEYS) {
      const values = params.getAll(key);
      if (values.length) result[key] = values;
    }
    return result;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filterKey]);

  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next, { replace: true });
  };

  const coverage = useOverview(api => api.getCoverage(filter), [filterKey]);
  const tiers = useOverview(api => api.getTiers(filter), [filterKey]);
  const specialists = useOverview(api => api.getSpecialistGaps());
  const teams = useOverview(api => api.getTeamsAtRisk());
  const slos = useOverview(api => api.getSloOverview());
  // Until the index is built, every section would speak from part of the
  // catalog: each says so instead, and the page asks again by itself.
  const reading = !!coverage.value && !coverage.value.refreshedAt;
  const { retry: retryCoverage } = coverage;
  const { retry: retryTeams } = teams;
  const { retry: retrySpecialists } = specialists;
  useEffect(() => {
    if (!reading) return undefined;
    const timer = setTimeout(() => {
      retryCoverage();
      retryTeams();
      retrySpecialists();
    }, READING_POLL_MS);
    return () => clearTimeout(timer);
  }, [reading, coverage.value, retryCoverage, retryTeams, retrySpecialists]);

  return (
    <Page themeId="tool">
      <Header
        title="Reliability overview"
        subtitle="Who owns reliability across the catalog, where the gaps are, and who to call"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <WhoToCallSearch
              query={query}
              onQuery={q =>
                update(next => (q ? next.set('q', q) : next.delete('q')))
              }
            />
          </Grid>
          <Grid item xs={12}>
            <OverviewSection
              title="Coverage"
              subheader="Choose a tile to list the entities behind it"
              subject="the coverage"
              state={coverage}
            >
              {summary => (
                <CoverageBody
                  summary={summary}
                  filter={filter}
                  filterKey={filterKey}
                  gap={gap}
                  onFilter={changed =>
                    update(next => {
                      for (const key of COVERAGE_FILTER_KEYS) {
                        next.delete(key);
                        for (const value of changed[key] ?? [])
                          next.append(key, value);
                      }
                    })
                  }
                  onGap={chosen =>
                    update(next =>
                      chosen === gap
                        ? next.delete('gap')
                        : next.set('gap', chosen),
                    )
                  }
                />
              )}
            </OverviewSection>
          </Grid>
          <Grid item xs={12}>
            <OverviewSection
              title="Service level objectives"
              subheader="The SLO guard's view of every SLO, as the last scheduled evaluation measured them; choose a tile to list them"
              subject="the SLOs"
              state={slos}
            >
              {value => (
                <SloTiles
                  overview={value}
                  selected={sloTile}
                  onSelect={chosen =>
                    update(next =>
                      chosen === sloTile
                        ? next.delete('slo')
                        : next.set('slo', chosen),
                    )
                  }
                />
              )}
            </OverviewSection>
          </Grid>
          <Grid item xs={12}>
            <OverviewSection
              title="Teams at risk"
              subheader="On-call burden this window, against the previous one"
              subject="the teams' burden"
              state={teams}
            >
              {value => {
                if (reading) return <ReadingCatalogState />;
                return value.length ? (
                  <TeamsAtRisk teams={value} />
                ) : (
                  <MissingDeclarationState
                    title="No team carries a pager yet"
                    description="A team appears here once an escalation path pages its rotation, for example:"
                    yaml={`metadata:\n  annotations:\n    sre-ownership.io/escalation: |\n      oncall:group:default/payments\n      user:default/jane-doe after 10m`}
                  />
                );
              }}
            </OverviewSection>
          </Grid>
          <Grid item xs={12}>
            <OverviewSection
              title="Rules by tier"
              subheader="Set in app-config under sreOwnership.overview.tiers; entities name theirs with sre-ownership.io/tier"
              subject="the tier rules"
              state={tiers}
            >
              {value => <TierRules tiers={value} />}
            </OverviewSection>
          </Grid>
          <Grid item xs={12}>
            <OverviewSection
              title="Specialist gaps"
              subheader="Each team that carries a pager × the four specialist roles"
              subject="the specialist gaps"
              state={specialists}
            >
              {value => {
                if (reading) return <ReadingCatalogState />;
                return value.length ? (
                  <SpecialistGapsMatrix rows={value} />
                ) : (
                  <MissingDeclarationState
                    title="No team to show"
                    description="Declare specialists on a team's Group, primary first, then backups:"
                    yaml={`metadata:\n  annotations:\n    sre-ownership.io/slo-guard: user:default/jane-doe, user:default/sam-carter`}
                  />
                );
              }}
            </OverviewSection>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
