import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EntityRollup } from '@sre-ownership/plugin-sre-ownership-common';
import { useEntityResource } from '../../hooks/useEntityResource';
import { SloList } from '../SloList';
import { ErrorState, LoadingState, MissingDeclarationState } from '../states';
import { RollupEntities } from './RollupEntities';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The roll-up's sums in one sentence. */
function RollupTotals(props: { rollup: EntityRollup }) {
  const { totals, window, entities } = props.rollup;
  return (
    <Typography variant="body1" data-testid="rollup-totals">
      {plural(totals.pages, 'page')} in the last {window.days} days across{' '}
      {entities.length} {entities.length === 1 ? 'entity' : 'entities'} (
      {totals.previousPages} the {window.days} days before),{' '}
      {totals.offHoursPages} outside the paged engineer&apos;s business hours.
    </Typography>
  );
}

/** The SLOs of the rolled-up entities, worst burn first, or why there are none. */
function RollupSlos(props: { rollup: EntityRollup }) {
  const { slos, slosEvaluatedAt } = props.rollup;
  if (!slosEvaluatedAt) {
    return (
      <Typography variant="body2" role="status">
        SLOs are measured by a scheduled evaluation
        (sreOwnership.slos.evaluationFrequency, every minute by default); the
        first has not finished yet. Reload in a moment.
      </Typography>
    );
  }
  if (!slos.length) {
    return (
      <MissingDeclarationState
        title="No SLOs declared"
        description="None of these entities declares an SLO. Name an OpenSLO file beside a service's catalog-info.yaml (docs/slos.md):"
        yaml={`metadata:\n  annotations:\n    sre-ownership.io/slo-file: ./slos.yaml`}
      />
    );
  }
  return (
    <>
      <SloList items={slos} label="SLOs of the rolled-up entities" />
      <Typography variant="caption" color="textSecondary">
        Measured at {new Date(slosEvaluatedAt).toLocaleString()}
      </Typography>
    </>
  );
}

/**
 * Entity card for System and Domain pages: the pages and on-call load of
 * every entity that belongs to it, summed, and their SLOs worst burn first,
 * each linking down to its entity.
 *
 * @public
 */
export function RollupCard() {
  const { entity } = useEntity();
  const { value, loading, error } = useEntityResource((api, ref) =>
    api.getEntityRollup(ref),
  );
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return (
    <InfoCard
      title="Reliability roll-up"
      subheader={`Pages, on-call load and SLOs of what belongs to this ${kind}`}
    >
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject={`this ${kind}'s roll-up`} />
      )}
      {!loading && !error && value && value.entities.length <= 1 && (
        <MissingDeclarationState
          title={`Nothing belongs to this ${kind} yet`}
          description={
            kind === 'domain'
              ? 'Systems name their Domain in spec.domain, for example:'
              : 'Components, APIs and Resources name their System in spec.system, for example:'
          }
          yaml={
            kind === 'domain'
              ? `spec:\n  domain: ${entity.metadata.name}`
              : `spec:\n  system: ${entity.metadata.name}`
          }
        />
      )}
      {!loading && !error && value && value.entities.length > 1 && (
        <>
          <RollupTotals rollup={value} />
          <Box mt={2}>
            <Typography variant="h6" component="h3">
              SLOs, worst burn first
            </Typography>
            <RollupSlos rollup={value} />
          </Box>
          <Box mt={2}>
            <Typography variant="h6" component="h3">
              Entities
            </Typography>
            <RollupEntities
              entities={value.entities}
              days={value.window.days}
            />
          </Box>
        </>
      )}
    </InfoCard>
  );
}
