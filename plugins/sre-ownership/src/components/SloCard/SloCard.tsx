import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useSloStatus } from '../../hooks/useSloStatus';
import { ErrorState, LoadingState } from '../states';
import { EmptySloState } from './EmptySloState';
import { NoPrometheusState } from './NoPrometheusState';
import { SloGuard } from './SloGuard';
import { SloProblems } from './SloProblems';
import { SloRow } from './SloRow';

/**
 * Entity card for services: each SLO with its target, attainment, error
 * budget remaining and burn state from Prometheus, the SLO guard who
 * defends them, and any problems in the OpenSLO declarations.
 *
 * @public
 */
export function SloCard() {
  const { entity } = useEntity();
  const { status, loading, error } = useSloStatus();
  const empty =
    status && status.slos.length === 0 && status.problems.length === 0;
  return (
    <InfoCard title="Service level objectives">
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject="this service's SLOs" />
      )}
      {!loading && !error && empty && (
        <EmptySloState entityName={entity.metadata.name} />
      )}
      {!loading && !error && status && !empty && (
        <>
          {!status.prometheusConfigured && status.slos.length > 0 && (
            <NoPrometheusState />
          )}
          <SloProblems problems={status.problems} />
          <SloGuard guard={status.guard} />
          {status.slos.map(slo => (
            <SloRow key={slo.slo.name} status={slo} />
          ))}
        </>
      )}
    </InfoCard>
  );
}
