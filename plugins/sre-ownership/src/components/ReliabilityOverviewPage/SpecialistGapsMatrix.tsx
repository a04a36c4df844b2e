import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  SPECIALIST_ROLES,
  SPECIALIST_ROLE_INFO,
  SpecialistCell,
  SpecialistGapRow,
} from '@sre-ownership/plugin-sre-ownership-common';
import { FittedTable } from '../tables';

function Cell(props: { cell: SpecialistCell }) {
  const { cell } = props;
  if (cell.unfilled) {
    return (
      <Typography variant="body2" color="error">
        Nobody
      </Typography>
    );
  }
  const flags = [
    cell.singlePerson ? 'single person' : undefined,
    cell.samePrimaryAndBackup ? 'primary is also the backup' : undefined,
    cell.overLimit?.length
      ? `over a burden limit: ${cell.overLimit.join(', ')}`
      : undefined,
  ].filter(Boolean);
  return (
    <>
      <Typography variant="body2">
        {cell.primary?.displayName ?? '—'}
        {cell.backups.length
          ? ` · backup ${cell.backups.map(b => b.displayName).join(', ')}`
          : ' · no backup'}
      </Typography>
      {flags.length > 0 && (
        <Typography variant="caption" color="error">
          {flags.join('; ')}
        </Typography>
      )}
      {cell.overLimit === null && (
        <Typography variant="caption" color="textSecondary" display="block">
          burden: — (per-person figures need sre-ownership.burden.read)
        </Typography>
      )}
    </>
  );
}

/** Teams × the four specialist roles. */
export function SpecialistGapsMatrix(props: { rows: SpecialistGapRow[] }) {
  return (
    <FittedTable size="small" aria-label="Specialist gaps">
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          {SPECIALIST_ROLES.map(role => (
            <TableCell key={role}>{SPECIALIST_ROLE_INFO[role].title}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rows.map(row => (
          <TableRow key={row.teamRef}>
            <TableCell>
              <EntityRefLink entityRef={row.teamRef} title={row.displayName} />
            </TableCell>
            {SPECIALIST_ROLES.map(role => (
              <TableCell key={role}>
                <Cell cell={row.roles[role]} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </FittedTable>
  );
}
