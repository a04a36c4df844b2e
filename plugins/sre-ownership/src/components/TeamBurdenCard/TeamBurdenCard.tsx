import { InfoCard } from '@backstage/core-components';
import { useRef } from 'react';
import { useTeamBurden } from '../../hooks/useTeamBurden';
import { CardSection } from '../CardSection';
import { OwnershipProblems } from '../OwnershipProblems';
import { RestOwedSection } from '../RestOwedSection';
import { ErrorState, LoadingState } from '../states';
import { TeamPulseSection } from '../TeamPulse';
import {
  DEFAULT_WINDOW_DAYS,
  WindowSelector,
  daysChoice,
  useWindowParam,
} from '../WindowSelector';
import { BurdenStatusChip } from './BurdenStatus';
import { NoDataInPastWindow, NoOnCallDataState } from './NoOnCallDataState';
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
  // The choice lives in the address, so a reload or a shared link keeps it.
  const [chosen, choose] = useWindowParam();
  const { burden, loading, error } = useTeamBurden(chosen?.query);
  // The configured window, learnt from the first answer, stays on offer.
  const configured = useRef(DEFAULT_WINDOW_DAYS);
  if (!chosen && burden?.window.endsNow)
    configured.current = burden.window.days;
  const configuredDays = configured.current;
  const loaded = !loading && !error ? burden : undefined;
  // A window with no data has no figures worth showing: the state says why.
  const shown = loaded && loaded.status !== 'no-data' ? loaded : undefined;
  // A past month or quarter with nothing in it is a fact about that window,
  // not a team that has yet to connect its schedule: no set-up advice, and
  // the pulse and rest owed of that window stay.
  const emptyPast = loaded && !shown && !loaded.window.endsNow;
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
      {loaded && (
        // e.g. a User whose time zone annotation names no known zone
        <OwnershipProblems
          problems={loaded.problems ?? []}
          currentEntityRef={loaded.teamRef}
        />
      )}
      {loaded && !shown && !emptyPast && (
        <NoOnCallDataState
          window={loaded.window}
          scheduleFeeds={loaded.scheduleFeeds}
        />
      )}
      {emptyPast && <NoDataInPastWindow window={loaded.window} />}
      {shown && <TeamBurdenView burden={shown} />}
      {emptyPast && (
        <CardSection title="On-call pulse">
          <TeamPulseSection />
        </CardSection>
      )}
      {(shown || emptyPast) && (
        <CardSection title="Rest owed and compensation">
          <RestOwedSection window={chosen?.query} />
        </CardSection>
      )}
    </InfoCard>
  );
}
