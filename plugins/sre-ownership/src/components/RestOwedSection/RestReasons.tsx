import Typography from '@material-ui/core/Typography';
import {
  EngineerRestOwed,
  RestOwedKind,
} from '@sre-ownership/plugin-sre-ownership-common';
import { formatMinutes } from '../formatFigures';

const KIND_LABELS: Record<RestOwedKind, string> = {
  'sleep-page': 'Pages in sleep hours',
  'busy-shift': '12-hour shifts above the pages limit',
  'off-hours-response': 'Responding outside business hours',
};

const KINDS = Object.keys(KIND_LABELS) as RestOwedKind[];

/**
 * Why an engineer is owed rest: the entries summed per kind, then every
 * entry with its reason behind a disclosure (a busy month has hundreds).
 */
export function RestReasons(props: { engineer: EngineerRestOwed }) {
  const { entries, userRef } = props.engineer;
  if (entries.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing owed
      </Typography>
    );
  }
  const kinds = KINDS.map(kind => {
    const ofKind = entries.filter(entry => entry.kind === kind);
    const minutes = ofKind.reduce((sum, entry) => sum + entry.minutes, 0);
    return { kind, count: ofKind.length, minutes };
  }).filter(kind => kind.count > 0);
  return (
    <>
      <ul aria-label={`Rest owed to ${userRef} by reason`}>
        {kinds.map(({ kind, count, minutes }) => (
          <li key={kind}>
            {KIND_LABELS[kind]}: {count} ({formatMinutes(minutes)})
          </li>
        ))}
      </ul>
      <details>
        <summary>
          All {entries.length} reason{entries.length === 1 ? '' : 's'}
        </summary>
        <ul aria-label={`Why rest is owed to ${userRef}`}>
          {entries.map(entry => (
            <li key={`${entry.kind}-${entry.at}`}>{entry.reason}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
