import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { SloProblem } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  problems: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  field: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

/** Declarations that could not be used: file, document, field and the fix. */
export function SloProblems(props: { problems: SloProblem[] }) {
  const classes = useStyles();
  if (props.problems.length === 0) return null;
  return (
    <div className={classes.problems}>
      {props.problems.map((problem, index) => (
        <Alert
          key={`${problem.file}|${problem.field}|${index}`}
          severity="error"
        >
          <AlertTitle>
            {problem.file}
            {problem.document
              ? ` (document ${problem.document}${
                  problem.declares ? `, ${problem.declares}` : ''
                })`
              : ''}
          </AlertTitle>
          <span className={classes.field}>{problem.field}</span>
          {': '}
          {problem.message}
        </Alert>
      ))}
    </div>
  );
}
