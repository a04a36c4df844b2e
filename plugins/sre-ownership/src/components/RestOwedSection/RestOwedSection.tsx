import Typography from '@material-ui/core/Typography';
import { TeamRestOwed } from '@sre-ownership/plugin-sre-ownership-common';
import { BurdenWindowQuery } from '../../api';
import { useRestOwed } from '../../hooks/useRestOwed';
import { ErrorState, LoadingState } from '../states';
import { CompensationDownload } from './CompensationDownload';
import { RecordRestTakenForm } from './RecordRestTakenForm';
import { RestOwedTable } from './RestOwedTable';

/** Shown when nobody is owed rest and none was taken in the window. */
function NoRestOwedState(props: { restOwed: TeamRestOwed }) {
  const { rules } = props.restOwed;
  return (
    <Typography variant="body2" color="textSecondary">
      No rest is owed in this window. Rest is owed for pages in sleep hours (
      {rules.sleepPageMinutes} min each), 12-hour shifts above the pages limit (
      {rules.busyShiftMinutes} min each) and response time outside business
      hours ({rules.offHoursResponsePercent}%); app-config{' '}
      <code>sreOwnership.burden.restOwed</code> sets them.
    </Typography>
  );
}

/**
 * Rest owed to the team's engineers after heavy on-call periods, with the
 * reasons; a form to record rest taken for those the viewer may record for;
 * and the compensation download. Its own request, so each state (loading,
 * error, permission denied, empty) is its own.
 */
export function RestOwedSection(props: { window?: BurdenWindowQuery }) {
  const { restOwed, loading, error, retry } = useRestOwed(props.window);
  if (loading) return <LoadingState />;
  if (error) {
    return (
      <ErrorState
        error={error}
        subject="the rest owed to this team's engineers and their compensation figures"
      />
    );
  }
  if (!restOwed) return null;
  const owing = restOwed.engineers.some(
    engineer => engineer.owedMinutes > 0 || engineer.takenMinutes > 0,
  );
  const recordable = restOwed.mayRecordFor ?? [];
  return (
    <>
      {owing ? (
        <RestOwedTable engineers={restOwed.engineers} />
      ) : (
        <NoRestOwedState restOwed={restOwed} />
      )}
      {recordable.length > 0 && (
        <RecordRestTakenForm engineers={recordable} onRecorded={retry} />
      )}
      <CompensationDownload window={props.window} period={restOwed.window} />
    </>
  );
}
