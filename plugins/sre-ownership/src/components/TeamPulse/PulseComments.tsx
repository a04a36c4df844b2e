import Typography from '@material-ui/core/Typography';
import { sreOwnershipPulseCommentsReadPermission } from '@sre-ownership/plugin-sre-ownership-common';
import { isPermissionRefusal } from '../states/isPermissionRefusal';
import { ErrorState, LoadingState } from '../states';
import { useTeamPulseComments } from './useTeamPulse';

/**
 * The period's comments in random order, without names or times, for
 * viewers with the comments permission; otherwise a line saying who may
 * read them.
 */
export function PulseComments() {
  const { value, loading, error } = useTeamPulseComments();
  if (loading) return <LoadingState />;
  if (error && isPermissionRefusal(error)) {
    return (
      <Typography variant="body2" color="textSecondary" role="status">
        Comments are shown only to people with the{' '}
        {sreOwnershipPulseCommentsReadPermission.name} permission.
      </Typography>
    );
  }
  if (error) return <ErrorState error={error} subject="the pulse comments" />;
  if (!value?.comments.length) {
    return (
      <Typography variant="body2" color="textSecondary" role="status">
        No comments in this period.
      </Typography>
    );
  }
  return (
    <ul aria-label="Pulse comments">
      {value.comments.map((comment, index) => (
        <li key={index}>
          <Typography variant="body2">{comment}</Typography>
        </li>
      ))}
    </ul>
  );
}
