import { TeamBurden } from '@sre-ownership/plugin-sre-ownership-common';
import { Figure, FigureList } from '../FigureList';
import { formatCount, formatRate, formatShare } from '../formatFigures';
import { LimitFigure } from '../LimitFigure';

/**
 * The team's figures over the window, each with the previous window beneath
 * it; the ones with a sustainable limit are coloured against it.
 */
export function TeamFiguresList(props: { burden: TeamBurden }) {
  const { current, previous } = props.burden;
  const { limits, requiredRotationSize } = props.burden;
  const count = (value: number) => String(value);
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
          format={formatRate}
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
      <Figure term={`Toil share (limit ${formatShare(limits.toilShare)})`}>
        <LimitFigure
          value={current.toilShare}
          previous={previous.toilShare}
          limit={limits.toilShare}
          format={formatShare}
        />
      </Figure>
      <Figure term={`Rotation size (${requiredRotationSize} needed)`}>
        <LimitFigure
          value={current.rotationSize}
          previous={previous.rotationSize}
          // A rotation can be too small but never too big.
          standing={
            current.rotationSize < requiredRotationSize ? 'over' : 'within'
          }
          overLabel={`fewer than the ${requiredRotationSize} engineers needed`}
          format={value => formatCount(value, 'engineer')}
        />
      </Figure>
    </FigureList>
  );
}
