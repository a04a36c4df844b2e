import { ServiceOnCallHealth } from '@sre-ownership/plugin-sre-ownership-common';
import { CardSection } from '../CardSection';
import { Figure, FigureList } from '../FigureList';
import { describeWindow, formatShare } from '../formatFigures';
import { LimitFigure } from '../LimitFigure';
import { ResponseTimesTable } from '../ResponseTimesTable';
import { WeeklyVolumeChart } from '../WeeklyVolumeChart';
import { OnCallNowList } from './OnCallNowList';

/** Everything the on-call health card shows once a window with data loaded. */
export function OnCallHealthView(props: { health: ServiceOnCallHealth }) {
  const { current, previous, window } = props.health;
  return (
    <>
      <CardSection title="On call now">
        <OnCallNowList onCall={props.health.onCall} />
      </CardSection>
      <CardSection title="Pages">
        <FigureList>
          <Figure term={`Pages ${describeWindow(window)}`}>
            <LimitFigure
              value={current.pages}
              previous={previous.pages}
              format={String}
            />
          </Figure>
          <Figure term="Outside business hours">
            <LimitFigure
              value={current.offHoursShare}
              previous={previous.offHoursShare}
              format={formatShare}
              undefinedReason="no pages in this window"
            />
          </Figure>
        </FigureList>
        <WeeklyVolumeChart weeklyVolume={props.health.weeklyVolume} />
      </CardSection>
      <CardSection title="Response times">
        <ResponseTimesTable current={current} previous={previous} />
      </CardSection>
    </>
  );
}
