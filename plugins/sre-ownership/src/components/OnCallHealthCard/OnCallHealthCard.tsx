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
  // No window until the viewer picks one: the backend's configured default
  // (sreOwnership.burden.windowDays) applies, and the selector shows it.
  const [chosenDays, setDays] = useState<number | undefined>();
  const { health, loading, error } = useServiceHealth(chosenDays);
  const days = chosenDays ?? health?.window.days ?? DEFAULT_WINDOW_DAYS;
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
