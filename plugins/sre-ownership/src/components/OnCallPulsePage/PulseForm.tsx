import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { formatMoment } from '../formatFigures';
import {
  PULSE_COMMENT_MAX_LENGTH,
  PULSE_QUESTIONS,
  PulseAnswer,
  PulseInvitation,
  PulseQuestionId,
} from '@sre-ownership/plugin-sre-ownership-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { FormEvent, useState } from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import { ScoreQuestion } from './ScoreQuestion';

type Scores = Partial<Record<PulseQuestionId, number>>;

const complete = (scores: Scores): scores is PulseAnswer['scores'] =>
  PULSE_QUESTIONS.every(q => scores[q.id] !== undefined);

/** "Your on-call from Mon 30 Nov, 09:00 to Mon 7 Dec, 09:00", in the viewer's zone. */
export function describeOnCall(onCall: { from: string; to: string }): string {
  return `Your on-call from ${formatMoment(onCall.from)} to ${formatMoment(
    onCall.to,
  )}`;
}

/**
 * The three questions and the optional comment. Submits once; the submit
 * button stays disabled until every question has a score.
 */
export function PulseForm(props: {
  invitation: PulseInvitation;
  onSubmit: (answer: PulseAnswer) => Promise<void>;
}) {
  const [scores, setScores] = useState<Scores>({});
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Error>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!complete(scores)) return;
    setSending(true);
    setError(undefined);
    try {
      const text = comment.trim();
      await props.onSubmit({ scores, ...(text ? { comment: text } : {}) });
    } catch (e) {
      setError(e as Error);
      setSending(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label="On-call pulse">
      <Typography variant="h6" component="h2" data-testid="pulse-on-call">
        {describeOnCall(props.invitation.onCall)}
      </Typography>
      <Typography variant="body1" paragraph>
        Your answer counts towards the averages of{' '}
        <EntityRefLink entityRef={props.invitation.teamRef} /> for shifts that
        ended from {props.invitation.period.from} to before{' '}
        {props.invitation.period.to}. It is stored without your name or your
        shift's times, counted once per engineer and period, and shown only as
        team averages after the period's answers close, if enough people
        answered.
      </Typography>
      {PULSE_QUESTIONS.map(question => (
        <Box key={question.id}>
          <ScoreQuestion
            question={question}
            value={scores[question.id]}
            onChange={score =>
              setScores(current => ({ ...current, [question.id]: score }))
            }
          />
        </Box>
      ))}
      <TextField
        id="pulse-comment"
        label="Anything else? (optional)"
        helperText={`Do not name people or nights: comments are shown, without your name, to those allowed to read the team's comments. ${comment.length}/${PULSE_COMMENT_MAX_LENGTH}`}
        multiline
        minRows={3}
        fullWidth
        margin="normal"
        variant="outlined"
        value={comment}
        inputProps={{ maxLength: PULSE_COMMENT_MAX_LENGTH }}
        onChange={event => setComment(event.target.value)}
      />
      {error && (
        <ResponseErrorPanel error={error} title="Could not send your answer" />
      )}
      <Box mt={2}>
        <Button
          type="submit"
          variant="contained"
          color="primary"
          disabled={!complete(scores) || sending}
        >
          Send my answer
        </Button>
      </Box>
    </form>
  );
}
