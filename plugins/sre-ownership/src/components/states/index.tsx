import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Alert, AlertTitle } from '@material-ui/lab';
import { scrollShadows } from '../tables';
import { isPermissionRefusal } from './isPermissionRefusal';

const useStyles = makeStyles(theme => ({
  // A long line scrolls, and the shadow on the edge shows there is more.
  code: {
    ...scrollShadows(theme, theme.palette.background.default),
    fontFamily: 'monospace',
    whiteSpace: 'pre',
    padding: theme.spacing(1.5),
    borderRadius: theme.shape.borderRadius,
    margin: theme.spacing(1, 0, 0),
  },
}));

/** Shown while a card's data loads. */
export function LoadingState() {
  return <Progress />;
}

/**
 * Shown when loading failed. A permission refusal gets its own message rather
 * than a stack of technical detail.
 */
export function ErrorState(props: { error: Error; subject: string }) {
  const { error, subject } = props;
  if (isPermissionRefusal(error)) {
    return <PermissionDeniedState subject={subject} />;
  }
  return (
    <ResponseErrorPanel error={error} title={`Could not load ${subject}`} />
  );
}

/** Shown when the backend refused the request for lack of a permission. */
export function PermissionDeniedState(props: { subject: string }) {
  return (
    <Alert severity="info" role="status">
      <AlertTitle>Permission required</AlertTitle>
      You do not have permission to see {props.subject}. Ask your Backstage
      administrators for access.
    </Alert>
  );
}

/**
 * Shown when the entity declares nothing yet, with the exact YAML to add to
 * its catalog-info.yaml.
 */
export function MissingDeclarationState(props: {
  title: string;
  description: string;
  yaml: string;
}) {
  const classes = useStyles();
  return (
    <div role="status">
      <Typography variant="subtitle1">{props.title}</Typography>
      <Typography variant="body2" color="textSecondary">
        {props.description}
      </Typography>
      <pre className={classes.code}>{props.yaml}</pre>
    </div>
  );
}
