import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { RollupEntity } from '@sre-ownership/plugin-sre-ownership-common';
import { BurnChip } from '../SloCard/BurnChip';
import { useFittingTableStyles } from '../SloList/tableStyles';

/** Each rolled-up entity with its pages, who is on call and its worst SLO. */
export function RollupEntities(props: {
  entities: RollupEntity[];
  days: number;
}) {
  const classes = useFittingTableStyles();
  return (
    <Table
      size="small"
      aria-label="Rolled-up entities"
      className={classes.table}
    >
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell align="right">Pages ({props.days} days)</TableCell>
          <TableCell align="right">Before</TableCell>
          <TableCell align="right">Off-hours</TableCell>
          <TableCell>On call now</TableCell>
          <TableCell>SLOs</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.entities.map(entity => (
          <TableRow key={entity.entityRef}>
            <TableCell>
              <EntityRefLink
                entityRef={entity.entityRef}
                title={entity.title}
              />
            </TableCell>
            <TableCell align="right">{entity.pages}</TableCell>
            <TableCell align="right">{entity.previousPages}</TableCell>
            <TableCell align="right">{entity.offHoursPages}</TableCell>
            <TableCell>
              {entity.onCallNow.length
                ? entity.onCallNow.map((ref, i) => (
                    <span key={ref}>
                      {i > 0 && ', '}
                      <EntityRefLink entityRef={ref} />
                    </span>
                  ))
                : '—'}
            </TableCell>
            <TableCell>
              {entity.worstBurn ? (
                <>
                  {entity.slos} <BurnChip severity={entity.worstBurn} />
                </>
              ) : (
                'none'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
