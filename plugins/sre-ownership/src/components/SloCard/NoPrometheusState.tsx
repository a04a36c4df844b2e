import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';

const useStyles = makeStyles(theme => ({
  code: {
    fontFamily: 'monospace',
    whiteSpace: 'pre',
    margin: theme.spacing(1, 0, 0),
    overflowX: 'auto',
  },
  alert: { marginBottom: theme.spacing(2) },
}));

/** The app-config that connects a Prometheus. */
export const PROMETHEUS_CONFIG_YAML = `sreOwnership:
  prometheus:
    instances:
      - name: prod
        baseUrl: http://prometheus:9090`;

/** Shown above the SLOs when the backend has no Prometheus to ask. */
export function NoPrometheusState() {
  const classes = useStyles();
  return (
    <Alert severity="info" className={classes.alert} role="status">
      <AlertTitle>No Prometheus connected</AlertTitle>
      The SLOs below are declared, but their status cannot be read until an
      administrator connects Prometheus in app-config:
      <pre className={classes.code}>{PROMETHEUS_CONFIG_YAML}</pre>
    </Alert>
  );
}
