import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import { useServiceHealth } from '../../hooks/useServiceHealth';
import { ErrorState, LoadingState } from '../states';
import { DEFAULT_WINDOW_DAYS, WindowSelector } from '../WindowSelector';
import { NoPagesState, isWithoutHealthData } from './NoPagesState';
import { OnCallHealthView } from './OnCallHealthView';

/**
 * Entity card for services: who is on call now and next, page volume against
 * the previous window with the weekly trend, the share of pages outside
 * business hours, and mean times to acknowledge and resolve by severity.
 *
 * @public
 */
export function OnCallHealthCard() {
  const { entity } = useEntity();
  const [days, setDays] = useState(DEFAULT_WINDOW_DAYS);
  const { health, loading, error } = useServiceHealth(days);
  return (
    <InfoCard
      title="On-call health"
      action={<WindowSelector days={days} onChange={setDays} />}
    >
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject="this service's on-call health" />
      )}
      {!loading &&
        !error &&
        health &&
        (isWithoutHealthData(health) ? (
          <NoPagesState days={days} entityName={entity.metadata.name} />
        ) : (
          <OnCallHealthView health={health} />
        ))}
    </InfoCard>
  );
}
