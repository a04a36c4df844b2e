import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import {
  PULSE_SCORE_RANGE,
  PulseQuestion,
} from '@sre-ownership/plugin-sre-ownership-common';

/** Every score a question accepts, lowest first, as the backend's spec bounds it. */
const SCORES = Array.from(
  { length: PULSE_SCORE_RANGE.max - PULSE_SCORE_RANGE.min + 1 },
  (_, i) => PULSE_SCORE_RANGE.min + i,
);

/**
 * One question as a group of five radio buttons: arrow keys move between
 * them, and each is named by its score and, at the ends, what it means.
 */
export function ScoreQuestion(props: {
  question: PulseQuestion;
  value?: number;
  onChange: (score: number) => void;
}) {
  const { question, value } = props;
  const labelId = `pulse-question-${question.id}`;
  const labelOf = (score: number) => {
    if (score === 1) return `1 – ${question.lowLabel}`;
    if (score === 5) return `5 – ${question.highLabel}`;
    return String(score);
  };
  return (
    <FormControl component="fieldset" margin="normal" required>
      <FormLabel component="legend" id={labelId}>
        <Typography variant="subtitle1" component="span">
          {question.text}
        </Typography>
      </FormLabel>
      <RadioGroup
        row
        aria-labelledby={labelId}
        name={question.id}
        value={value === undefined ? '' : String(value)}
        onChange={event => props.onChange(Number(event.target.value))}
      >
        {SCORES.map(score => (
          <FormControlLabel
            key={score}
            value={String(score)}
            control={<Radio color="primary" />}
            label={labelOf(score)}
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
