import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import {
  TeamBurden,
  sreOwnershipBurdenReadPermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import { EngineerBurdenTable } from './EngineerBurdenTable';

/**
 * The per-engineer figures, or why they are not shown: they are sensitive,
 * and the backend leaves them out for callers without the permission.
 */
export function EngineerBurdenSection(props: { burden: TeamBurden }) {
  const { engineers, limits } = props.burden;
  if (!engineers) {
    return (
      <Alert severity="info" role="status">
        Per-engineer figures are hidden because you lack the{' '}
        <code>{sreOwnershipBurdenReadPermission.name}</code> permission. The
        team totals above include everyone.
      </Alert>
    );
  }
  if (engineers.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No engineer of this team was on call, paged or logged toil in this
        window.
      </Typography>
    );
  }
  return <EngineerBurdenTable engineers={engineers} limits={limits} />;
}
