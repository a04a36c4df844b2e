import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SloListItem } from '@sre-ownership/plugin-sre-ownership-common';
import { BurnChip } from '../SloCard/BurnChip';
import { formatPercent } from '../SloCard/sloFormat';
import { useFittingTableStyles } from './tableStyles';

/** Budget left in words: "61.8%", "overspent (−12%)", or "—" without events. */
export function formatBudgetLeft(remaining: number | null): string {
  if (remaining === null) return '— (no events)';
  if (remaining < 0) return `overspent (${formatPercent(remaining, 1)})`;
  return formatPercent(remaining, 1);
}

/**
 * SLOs of several entities, as the last evaluation measured them, each
 * linking to its entity's page: entity, SLO, burn, budget left and why.
 */
export function SloList(props: { items: SloListItem[]; label: string }) {
  const classes = useFittingTableStyles();
  return (
    <Table size="small" aria-label={props.label} className={classes.table}>
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell>SLO</TableCell>
          <TableCell>Burn</TableCell>
          <TableCell>Budget left</TableCell>
          <TableCell>Why</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow key={`${item.entityRef}#${item.sloName}`}>
            <TableCell>
              <EntityRefLink
                entityRef={item.entityRef}
                title={item.entityTitle}
              />
            </TableCell>
            <TableCell>
              {item.displayName}
              <Typography
                variant="caption"
                color="textSecondary"
                component="div"
              >
                {formatPercent(item.target, 3)} over {item.window}
              </Typography>
            </TableCell>
            <TableCell>
              <BurnChip severity={item.burn} />
            </TableCell>
            <TableCell>{formatBudgetLeft(item.budgetRemaining)}</TableCell>
            <TableCell>
              <Typography variant="body2">
                {item.error ?? item.summary ?? '—'}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
