import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  MinutesBySeverity,
  PAGE_SEVERITIES,
  PageSeverity,
} from '@sre-ownership/plugin-sre-ownership-common';
import { formatMinutes } from '../formatFigures';
import { FittedTable } from '../tables';

/** Mean response times of one window. */
export interface ResponseTimes {
  mttaMinutes: MinutesBySeverity;
  mttrMinutes: MinutesBySeverity;
}

function TimeCell(props: { current?: number; previous?: number }) {
  const { current, previous } = props;
  return (
    <TableCell align="right">
      {current === undefined ? '—' : formatMinutes(current)}
      {previous !== undefined && (
        <Typography variant="caption" color="textSecondary" display="block">
          was {formatMinutes(previous)}
        </Typography>
      )}
    </TableCell>
  );
}

type Row = PageSeverity | 'all';

function hasTimes(severity: Row, windows: ResponseTimes[]): boolean {
  return windows.some(
    times =>
      times.mttaMinutes[severity] !== undefined ||
      times.mttrMinutes[severity] !== undefined,
  );
}

/**
 * Mean time to acknowledge and to resolve, per severity, with the previous
 * window's figure beneath each, and a last row over all severities.
 * Severities without any time are left out; a missing time reads "—".
 */
export function ResponseTimesTable(props: {
  current: ResponseTimes;
  previous: ResponseTimes;
}) {
  const { current, previous } = props;
  const severities: Row[] = PAGE_SEVERITIES.filter(severity =>
    hasTimes(severity, [current, previous]),
  );
  if (severities.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No page was acknowledged or resolved in this window or the one before.
      </Typography>
    );
  }
  return (
    <FittedTable size="small" aria-label="Response times by severity">
      <TableHead>
        <TableRow>
          <TableCell>Severity</TableCell>
          <TableCell align="right">MTTA</TableCell>
          <TableCell align="right">MTTR</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...severities, 'all' as const].map(severity => (
          <TableRow key={severity}>
            <TableCell component="th" scope="row">
              {severity === 'all' ? 'all severities' : severity}
            </TableCell>
            <TimeCell
              current={current.mttaMinutes[severity]}
              previous={previous.mttaMinutes[severity]}
            />
            <TimeCell
              current={current.mttrMinutes[severity]}
              previous={previous.mttrMinutes[severity]}
            />
          </TableRow>
        ))}
      </TableBody>
    </FittedTable>
  );
}
