import Typography from '@material-ui/core/Typography';
import {
  PULSE_QUESTIONS,
  PulseScores,
  TeamPulse,
} from '@sre-ownership/plugin-sre-ownership-common';
import { Figure, FigureList } from '../FigureList';

const SHORT: Record<keyof PulseScores, string> = {
  sustainable: 'Sustainable rotation',
  sleep: 'Undisturbed sleep',
  actionable: 'Actionable pages',
};

/** "fell from 3.8", "rose from 3.1", "as before" or nothing to compare. */
function trendOf(current: number, previous: number | undefined): string {
  if (previous === undefined) return 'no earlier summary';
  if (current === previous) return 'as before';
  return `${current < previous ? 'fell' : 'rose'} from ${previous.toFixed(1)}`;
}

/** Each question's team average out of 5, with its trend. */
export function PulseAverages(props: {
  pulse: TeamPulse;
  averages: PulseScores;
}) {
  const { pulse, averages } = props;
  const { period, answers } = pulse.current;
  return (
    <>
      <FigureList>
        {PULSE_QUESTIONS.map(question => (
          <Figure key={question.id} term={SHORT[question.id]}>
            {averages[question.id].toFixed(1)} / 5 (
            {trendOf(
              averages[question.id],
              pulse.previous.averages?.[question.id],
            )}
            )
          </Figure>
        ))}
      </FigureList>
      <Typography variant="caption" color="textSecondary">
        {answers} people answered for shifts that ended from {period.from} to
        before {period.to}; 5 is the good end of every question.
      </Typography>
    </>
  );
}
