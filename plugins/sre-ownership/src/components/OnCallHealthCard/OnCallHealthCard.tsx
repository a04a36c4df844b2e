import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useRef } from 'react';
import { useServiceHealth } from '../../hooks/useServiceHealth';
import { ErrorState, LoadingState } from '../states';
import {
  DEFAULT_WINDOW_DAYS,
  WindowSelector,
  daysChoice,
  useWindowParam,
} from '../WindowSelector';
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
  // The choice lives in the address, so a reload or a shared link keeps it.
  const [chosen, choose] = useWindowParam();
  const { health, loading, error } = useServiceHealth(chosen?.query);
  // The configured window, learnt from the first answer, stays on offer.
  const configured = useRef(DEFAULT_WINDOW_DAYS);
  if (!chosen && health?.window.endsNow)
    configured.current = health.window.days;
  const configuredDays = configured.current;
  return (
    <InfoCard
      title="On-call health"
      action={
        <WindowSelector
          value={chosen?.key ?? daysChoice(configuredDays).key}
          configuredDays={configuredDays}
          onChange={choose}
        />
      }
    >
      {loading && <LoadingState />}
      {!loading && error && (
        <ErrorState error={error} subject="this service's on-call health" />
      )}
      {!loading &&
        !error &&
        health &&
        (isWithoutHealthData(health) ? (
          <NoPagesState
            window={health.window}
            entityName={entity.metadata.name}
          />
        ) : (
          <OnCallHealthView health={health} />
        ))}
    </InfoCard>
  );
}
