import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { EngineerRestOwed } from '@sre-ownership/plugin-sre-ownership-common';
import { formatMinutes } from '../formatFigures';
import { RestReasons } from './RestReasons';

const minutes = (value: number) => (value > 0 ? formatMinutes(value) : '0');

/** Each engineer's rest balance, what it is owed for, and rest taken. */
export function RestOwedTable(props: { engineers: EngineerRestOwed[] }) {
  return (
    <Table size="small" aria-label="Rest owed per engineer">
      <TableHead>
        <TableRow>
          <TableCell>Engineer</TableCell>
          <TableCell>Owed</TableCell>
          <TableCell>Taken</TableCell>
          <TableCell>Balance</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.engineers.map(engineer => (
          <TableRow key={engineer.userRef}>
            <TableCell>
              <EntityRefLink entityRef={engineer.userRef} defaultKind="user" />
            </TableCell>
            <TableCell>{minutes(engineer.owedMinutes)}</TableCell>
            <TableCell>{minutes(engineer.takenMinutes)}</TableCell>
            <TableCell>
              <strong>{minutes(engineer.balanceMinutes)}</strong>
            </TableCell>
            <TableCell>
              <RestReasons engineer={engineer} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
