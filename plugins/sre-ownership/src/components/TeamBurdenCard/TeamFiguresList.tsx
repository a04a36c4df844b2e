import {
  TeamBurden,
  TeamMeasure,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Figure, FigureList } from '../FigureList';
import {
  formatCount,
  formatHours,
  formatRate,
  formatShare,
} from '../formatFigures';
import { LimitFigure } from '../LimitFigure';

const count = (value: number) => String(value);

/**
 * The team's figures over the window, each with the previous window beneath
 * it. The ones with a sustainable limit carry the backend's verdict (the
 * card never judges a figure itself); undefined ones read "—" and say why.
 */
export function TeamFiguresList(props: { burden: TeamBurden }) {
  const { current, previous, limits } = props.burden;
  const verdict = (measure: TeamMeasure) =>
    current.overLimit.includes(measure) ? 'over' : 'within';
  return (
    <FigureList>
      <Figure term="Pages">
        <LimitFigure
          value={current.pages}
          previous={previous.pages}
          format={count}
        />
      </Figure>
      <Figure
        term={`Pages per 12-hour shift (limit ${formatRate(
          limits.pagesPerShift,
        )})`}
      >
        <LimitFigure
          value={current.pagesPerShift}
          previous={previous.pagesPerShift}
          limit={limits.pagesPerShift}
          standing={verdict('pagesPerShift')}
          format={formatRate}
          undefinedReason="nobody was on call"
        />
      </Figure>
      <Figure term="Off-hours pages">
        <LimitFigure
          value={current.offHoursPages}
          previous={previous.offHoursPages}
          format={count}
        />
      </Figure>
      <Figure term="Sleep-hours pages">
        <LimitFigure
          value={current.sleepHoursPages}
          previous={previous.sleepHoursPages}
          format={count}
        />
      </Figure>
      <Figure term="Pages nobody was on call for">
        <LimitFigure
          value={current.unattributedPages}
          previous={previous.unattributedPages}
          format={count}
        />
      </Figure>
      <Figure term={`Toil share (limit ${formatShare(limits.toilShare)})`}>
        <LimitFigure
          value={current.toilShare}
          previous={previous.toilShare}
          limit={limits.toilShare}
          standing={verdict('toilShare')}
          format={formatShare}
          undefinedReason={
            current.toilMinutes === 0 && previous.toilMinutes === 0
              ? 'no toil recorded for this team: no toil source'
              : 'no business hours in this window'
          }
        />
      </Figure>
      <Figure term="Coverage">
        <LimitFigure
          value={current.coverageHours}
          previous={previous.coverageHours}
          format={formatHours}
        />
      </Figure>
      <Figure term="Person-hours on call (all layers)">
        <LimitFigure
          value={current.personHours}
          previous={previous.personHours}
          format={formatHours}
        />
      </Figure>
      <Figure term={`Rotation size (${current.requiredRotationSize} needed)`}>
        <LimitFigure
          value={current.rotationSize}
          previous={previous.rotationSize}
          standing={verdict('rotationSize')}
          overLabel={`fewer than the ${current.requiredRotationSize} engineers needed`}
          format={value => formatCount(value, 'engineer')}
        />
      </Figure>
    </FigureList>
  );
}
