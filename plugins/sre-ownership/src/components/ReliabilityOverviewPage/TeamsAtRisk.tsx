import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import { makeStyles } from '@material-ui/core/styles';
import { TeamRisk } from '@sre-ownership/plugin-sre-ownership-common';
import { useState } from 'react';
import { BurdenStatusChip } from '../TeamBurdenCard/BurdenStatus';
import { FittedTable } from '../tables';

// Short cells keep to one line; the reason takes the rest of the width.
const useStyles = makeStyles({ short: { whiteSpace: 'nowrap' } });

// Worst first; a team without data comes last, after the healthy ones.
const SEVERITY = { overloaded: 0, 'at-risk': 1, healthy: 2, 'no-data': 3 };
const TREND = { worse: '↑ worse', better: '↓ better', same: '→ same' };

/** Every team's burden status, worst first, with the trend. */
export function TeamsAtRisk(props: { teams: TeamRisk[] }) {
  const classes = useStyles();
  const [byName, setByName] = useState(false);
  const teams = [...props.teams].sort((a, b) =>
    byName
      ? a.displayName.localeCompare(b.displayName)
      : SEVERITY[a.status] - SEVERITY[b.status] ||
        a.displayName.localeCompare(b.displayName),
  );
  return (
    <FittedTable size="small" aria-label="Teams at risk">
      <TableHead>
        <TableRow>
          <TableCell className={classes.short}>
            <TableSortLabel active={byName} onClick={() => setByName(true)}>
              Team
            </TableSortLabel>
          </TableCell>
          <TableCell className={classes.short}>
            <TableSortLabel active={!byName} onClick={() => setByName(false)}>
              Status
            </TableSortLabel>
          </TableCell>
          <TableCell width="100%">Top reason</TableCell>
          <TableCell className={classes.short}>Previous window</TableCell>
          <TableCell className={classes.short}>Trend</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {teams.map(team => (
          <TableRow key={team.teamRef} data-testid="team-risk">
            <TableCell className={classes.short}>
              <EntityRefLink
                entityRef={team.teamRef}
                title={team.displayName}
              />
            </TableCell>
            <TableCell className={classes.short}>
              <BurdenStatusChip status={team.status} />
            </TableCell>
            <TableCell width="100%">{team.topReason ?? '—'}</TableCell>
            <TableCell className={classes.short}>
              <BurdenStatusChip status={team.previousStatus} />
            </TableCell>
            <TableCell className={classes.short}>{TREND[team.trend]}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </FittedTable>
  );
}
