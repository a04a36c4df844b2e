import { InfoCard } from '@backstage/core-components';
import { useRef, useState } from 'react';
import { useTeamBurden } from '../../hooks/useTeamBurden';
import { CardSection } from '../CardSection';
import { OwnershipProblems } from '../OwnershipProblems';
import { RestOwedSection } from '../RestOwedSection';
import { ErrorState, LoadingState } from '../states';
import {
  DEFAULT_WINDOW_DAYS,
  WindowChoice,
  WindowSelector,
  daysChoice,
} from '../WindowSelector';
import { BurdenStatusChip } from './BurdenStatus';
import { NoOnCallDataState } from './NoOnCallDataState';
import { TeamBurdenView } from './TeamBurdenView';

/**
 * Group entity card: the team's on-call burden over a chosen window — its
 * status with the reasons, team figures against the sustainable limits,
 * response times, the weekly page trend and, for viewers allowed to see
 * them, each engineer's figures, the rest owed to them and the compensation
 * download.
 *
 * @public
 */
export function TeamBurdenCard() {
  // No window until the viewer picks one: the backend's configured default
  // (sreOwnership.burden.windowDays) applies, and the selector shows it.
  const [chosen, choose] = useState<WindowChoice | undefined>();
  const { burden, loading, error } = useTeamBurden(chosen?.query);
  // The configured window, learnt from the first answer, stays on offer.
  const configured = useRef(DEFAULT_WINDOW_DAYS);
  if (!chosen && burden?.window.endsNow)
    configured.current = burden.window.days;
  const configuredDays = configured.current;
  const loaded = !loading && !error ? burden : undefined;
  // A window with no data has no figures worth showing: the state says why.
  const shown = loaded && loaded.status !== 'no-data' ? loaded : undefined;
  return (
    <InfoCard
      title="On-call burden"
      subheader={loaded && <BurdenStatusChip status={loaded.status} />}
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
        <ErrorState error={error} subject="this team's on-call burden" />
      )}
      {!loading && !error && burden && (
        // e.g. a User whose time zone annotation names no known zone
        <OwnershipProblems
          problems={burden.problems ?? []}
          currentEntityRef={burden.teamRef}
        />
      )}
      {loaded && !shown && (
        <NoOnCallDataState
          window={loaded.window}
          scheduleFeeds={loaded.scheduleFeeds}
        />
      )}
      {shown && <TeamBurdenView burden={shown} />}
      {shown && (
        <CardSection title="Rest owed and compensation">
          <RestOwedSection window={chosen?.query} />
        </CardSection>
      )}
    </InfoCard>
  );
}
