import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { OwnershipProblem } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  problems: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
  value: { fontFamily: 'monospace', wordBreak: 'break-all' },
}));

function sameRef(a: string, b: string) {
  return a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
}

/**
 * Bad declarations found while resolving ownership, each naming the
 * annotation, the value as written, the entity when it is not the one on the
 * page, and what to fix.
 *
 * @public
 */
export function OwnershipProblems(props: {
  problems: OwnershipProblem[];
  /** The entity on the page; problems declared elsewhere link to their entity. */
  currentEntityRef: string;
}) {
  const { problems, currentEntityRef } = props;
  const classes = useStyles();
  if (problems.length === 0) {
    return null;
  }
  return (
    <div className={classes.problems}>
      {problems.map((problem, index) => (
        <Alert
          key={`${problem.entityRef}|${problem.annotation}|${problem.value}|${index}`}
          severity={problem.severity}
        >
          <AlertTitle>
            {problem.annotation}
            {!sameRef(problem.entityRef, currentEntityRef) && (
              <>
                {' on '}
                <EntityRefLink entityRef={problem.entityRef} />
              </>
            )}
          </AlertTitle>
          <span className={classes.value}>{problem.value}</span>
          {': '}
          {problem.message}
        </Alert>
      ))}
    </div>
  );
}
