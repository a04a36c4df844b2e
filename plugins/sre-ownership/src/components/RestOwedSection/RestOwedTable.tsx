import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { EngineerRestOwed } from '@sre-ownership/plugin-sre-ownership-common';
import { formatMinutes, formatWorkingDays } from '../formatFigures';
import { RestReasons } from './RestReasons';
import { FittedTable } from '../tables';

const minutes = (value: number) => (value > 0 ? formatMinutes(value) : '0');

// The reasons column takes the room; figures and their headings stay whole.
// The working days under a balance wrap between words.
const useStyles = makeStyles({
  figure: { whiteSpace: 'nowrap' },
  days: { whiteSpace: 'normal', minWidth: 96 },
});

/** Each engineer's rest balance, what it is owed for, and rest taken. */
export function RestOwedTable(props: { engineers: EngineerRestOwed[] }) {
  const { figure, days } = useStyles();
  return (
    <FittedTable size="small" aria-label="Rest owed per engineer">
      <TableHead>
        <TableRow>
          <TableCell>Engineer</TableCell>
          <TableCell className={figure}>Owed</TableCell>
          <TableCell className={figure}>Taken</TableCell>
          <TableCell className={figure}>Balance</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.engineers.map(engineer => (
          <TableRow key={engineer.userRef}>
            <TableCell className={figure}>
              <EntityRefLink entityRef={engineer.userRef} defaultKind="user" />
            </TableCell>
            <TableCell className={figure}>
              {minutes(engineer.owedMinutes)}
            </TableCell>
            <TableCell className={figure}>
              {minutes(engineer.takenMinutes)}
            </TableCell>
            <TableCell className={figure}>
              <strong>{minutes(engineer.balanceMinutes)}</strong>
              {formatWorkingDays(engineer.balanceMinutes) && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                  className={days}
                >
                  {formatWorkingDays(engineer.balanceMinutes)}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <RestReasons engineer={engineer} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </FittedTable>
  );
}
