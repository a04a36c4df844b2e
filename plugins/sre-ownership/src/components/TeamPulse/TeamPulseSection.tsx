import Typography from '@material-ui/core/Typography';
import { ErrorState, LoadingState } from '../states';
import { PulseAverages } from './PulseAverages';
import { PulseComments } from './PulseComments';
import { useTeamPulse } from './useTeamPulse';

/** "3 people answered; at least 5 are needed to show a summary", and nothing else. */
export function NotEnoughAnswersState(props: {
  answers: number;
  minimum: number;
}) {
  const { answers, minimum } = props;
  return (
    <Typography variant="body2" role="status">
      {answers} {answers === 1 ? 'person' : 'people'} answered; at least{' '}
      {minimum} are needed to show a summary.
    </Typography>
  );
}

/**
 * The team's anonymous on-call pulse beside its burden figures: averages of
 * the latest published period (fixed once its answers closed) with their
 * trend, and the comments for those
 * allowed to read them; only a count below the minimum of answers.
 */
export function TeamPulseSection() {
  const { value: pulse, loading, error } = useTeamPulse();
  if (loading) return <LoadingState />;
  if (error) return <ErrorState error={error} subject="this team's pulse" />;
  if (!pulse) return null;
  const { averages, answers } = pulse.current;
  if (!averages) {
    return (
      <NotEnoughAnswersState answers={answers} minimum={pulse.minimumAnswers} />
    );
  }
  return (
    <>
      <PulseAverages pulse={pulse} averages={averages} />
      <Typography variant="subtitle2" component="h4">
        Comments
      </Typography>
      <PulseComments />
    </>
  );
}
