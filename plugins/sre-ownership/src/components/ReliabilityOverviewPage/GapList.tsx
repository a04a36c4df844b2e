import { EntityRefLink } from '@backstage/plugin-catalog-react';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import {
  CoverageFilter,
  CoverageGap,
} from '@sre-ownership/plugin-sre-ownership-common';
import { useState } from 'react';
import { OverviewListOptions } from '../../api';
import { ErrorState, LoadingState } from '../states';
import { GAP_LABELS } from './gapLabels';
import { useOverview } from './useOverview';
import { FittedTable } from '../tables';

type SortField = NonNullable<OverviewListOptions['sort']>;
const COLUMNS: Array<{ field: SortField; label: string }> = [
  { field: 'name', label: 'Entity' },
  { field: 'kind', label: 'Kind' },
  { field: 'owner', label: 'Owner' },
  { field: 'system', label: 'System' },
  { field: 'tier', label: 'Tier' },
];

/** The entities behind a tile, sortable and paged, each with the reason. */
export function GapList(props: { gap: CoverageGap; filter: CoverageFilter }) {
  const { gap, filter } = props;
  const [sort, setSort] = useState<SortField>('name');
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(0);
  const [limit, setLimit] = useState(25);
  const state = useOverview(
    api =>
      api.listOverviewEntities({
        gap,
        filter,
        sort,
        order,
        offset: page * limit,
        limit,
      }),
    [gap, JSON.stringify(filter), sort, order, page, limit],
  );
  if (state.error) {
    return <ErrorState error={state.error} subject="this list" />;
  }
  if (!state.value) return <LoadingState />;
  const { items, totalItems } = state.value;
  return (
    <>
      <Typography variant="h6" component="h3" data-testid="gap-list-title">
        {GAP_LABELS[gap]}: {totalItems}
      </Typography>
      {totalItems === 0 ? (
        <Typography role="status" color="textSecondary">
          No entity matching the filters has this gap.
        </Typography>
      ) : (
        <FittedTable size="small" aria-label={`${GAP_LABELS[gap]} list`}>
          <TableHead>
            <TableRow>
              {COLUMNS.map(column => (
                <TableCell key={column.field}>
                  <TableSortLabel
                    active={sort === column.field}
                    direction={sort === column.field ? order : 'asc'}
                    onClick={() => {
                      setOrder(
                        sort === column.field && order === 'asc'
                          ? 'desc'
                          : 'asc',
                      );
                      setSort(column.field);
                      setPage(0);
                    }}
                  >
                    {column.label}
                  </TableSortLabel>
                </TableCell>
              ))}
              <TableCell>Why, and what to declare</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(item => (
              <TableRow key={item.entityRef} data-testid="gap-row">
                <TableCell>
                  <EntityRefLink
                    entityRef={item.entityRef}
                    title={item.title}
                  />
                </TableCell>
                <TableCell>{item.kind}</TableCell>
                <TableCell>
                  {item.owner ? <EntityRefLink entityRef={item.owner} /> : '—'}
                </TableCell>
                <TableCell>
                  {item.system ? (
                    <EntityRefLink entityRef={item.system} />
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>{item.tier}</TableCell>
                <TableCell>
                  <Typography variant="body2">{item.reasons[gap]}</Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </FittedTable>
      )}
      <TablePagination
        component="div"
        count={totalItems}
        page={page}
        rowsPerPage={limit}
        rowsPerPageOptions={[25, 50, 100]}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={event => {
          setLimit(Number(event.target.value));
          setPage(0);
        }}
      />
    </>
  );
}
