import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SPECIALIST_ROLES,
  SPECIALIST_ROLE_INFO,
  SpecialistCell,
  SpecialistGapRow,
} from '@sre-ownership/plugin-sre-ownership-common';
import { FittedTable } from '../tables';

/** A holder's name for people, from the cell's parties. */
function nameIn(cell: SpecialistCell) {
  const parties = [cell.primary, ...cell.backups];
  return (ref: string) =>
    parties.find(party => party?.ref === ref)?.displayName ?? nameOf(ref);
}

const useStyles = makeStyles({ team: { whiteSpace: 'nowrap' } });

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
      ? `over a burden limit: ${cell.overLimit.map(nameIn(cell)).join(', ')}`
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
      {cell.declaredOn && cell.declaredOn.length > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          from {cell.declaredOn.map(nameOf).join(', ')}
        </Typography>
      )}
      {cell.servicesWithout && cell.servicesWithout.length > 0 && (
        <Typography variant="caption" color="error" display="block">
          none for {cell.servicesWithout.map(nameOf).join(', ')}
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

/** "payments-api" of "component:default/payments-api". */
function nameOf(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * Teams × the four specialist roles, each as the team's services resolve it
 * (the entity cards' inheritance), with where the holders are declared.
 */
export function SpecialistGapsMatrix(props: { rows: SpecialistGapRow[] }) {
  const classes = useStyles();
  return (
    <>
      <Typography
        variant="body2"
        color="textSecondary"
        paragraph
        data-testid="specialist-gaps-counts"
      >
        Each cell is the role as the team's services resolve it, as their cards
        show it: declared on the service, else on its System, its Domain, its
        owning Group or that Group's parents. A team that owns no service shows
        its Group's own roles.
      </Typography>
      <FittedTable size="small" aria-label="Specialist gaps">
        <TableHead>
          <TableRow>
            <TableCell>Team</TableCell>
            {SPECIALIST_ROLES.map(role => (
              <TableCell key={role}>
                {SPECIALIST_ROLE_INFO[role].title}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map(row => (
            <TableRow key={row.teamRef}>
              <TableCell className={classes.team}>
                <EntityRefLink
                  entityRef={row.teamRef}
                  title={row.displayName}
                />
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {row.services
                    ? `${row.services} service${row.services === 1 ? '' : 's'}`
                    : 'no service: its Group'}
                </Typography>
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
    </>
  );
}
