import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CappedList,
  SloEntityRef,
  SloOverview,
} from '@sre-ownership/plugin-sre-ownership-common';
import { SloList } from '../SloList';
import { formatPercent } from '../SloCard/sloFormat';
import { MissingDeclarationState } from '../states';

/** The SLO tiles, in the order shown; each names its list in the address. */
export const SLO_TILES = [
  'paging',
  'ticketing',
  'low-budget',
  'unmeasured',
  'without-slo',
  'guards-without-slo',
] as const;

/** One of {@link SLO_TILES}. */
export type SloTile = (typeof SLO_TILES)[number];

/** Whether a query parameter names an SLO tile. */
export function isSloTile(value: string): value is SloTile {
  return (SLO_TILES as readonly string[]).includes(value);
}

const useStyles = makeStyles(theme => ({
  tile: { height: '100%' },
  selected: { outline: `2px solid ${theme.palette.primary.main}` },
  area: { padding: theme.spacing(2), height: '100%' },
  count: { fontWeight: theme.typography.fontWeightBold as number },
}));

function label(tile: SloTile, overview: SloOverview): string {
  switch (tile) {
    case 'paging':
      return 'Burning fast now (page)';
    case 'ticketing':
      return 'Burning slowly (ticket)';
    case 'low-budget':
      return `Less than ${formatPercent(
        overview.budgetThreshold,
        1,
      )} of budget left`;
    case 'unmeasured':
      return 'Not measured (no data)';
    case 'without-slo':
      return overview.requiredTiers.length
        ? `${overview.requiredTiers.join(', ')} services without an SLO`
        : 'Services of a required tier without an SLO';
    default:
      return 'SLO guards with no SLO to guard';
  }
}

function listOf(tile: SloTile, overview: SloOverview): CappedList<unknown> {
  return {
    paging: overview.paging,
    ticketing: overview.ticketing,
    'low-budget': overview.lowBudget,
    unmeasured: overview.unmeasured,
    'without-slo': overview.withoutSlo,
    'guards-without-slo': overview.guardsWithoutSlo,
  }[tile];
}

function EntityLinks(props: { entities: SloEntityRef[] }) {
  return (
    <>
      {props.entities.map((entity, i) => (
        <span key={entity.entityRef}>
          {i > 0 && ', '}
          <EntityRefLink entityRef={entity.entityRef} title={entity.title} />
        </span>
      ))}
    </>
  );
}

/** The list behind the chosen tile. */
function TileList(props: { tile: SloTile; overview: SloOverview }) {
  const { tile, overview } = props;
  const list = listOf(tile, overview);
  const more =
    list.total > list.items.length
      ? ` The first ${list.items.length} of ${list.total} are listed.`
      : '';
  if (list.total === 0) {
    return (
      <Typography variant="body2" role="status">
        Nothing to list: no {label(tile, overview).toLocaleLowerCase()}.
      </Typography>
    );
  }
  if (tile === 'without-slo') {
    return (
      <>
        <List dense aria-label={label(tile, overview)}>
          {overview.withoutSlo.items.map(entity => (
            <ListItem key={entity.entityRef}>
              <ListItemText
                primary={
                  <EntityRefLink
                    entityRef={entity.entityRef}
                    title={entity.title}
                  />
                }
                secondary={entity.tier}
              />
            </ListItem>
          ))}
        </List>
        <Typography variant="caption" color="textSecondary">
          Declare an SLO with sre-ownership.io/slo-file (docs/slos.md).{more}
        </Typography>
      </>
    );
  }
  if (tile === 'guards-without-slo') {
    return (
      <List dense aria-label={label(tile, overview)}>
        {overview.guardsWithoutSlo.items.map(({ guard, entities }) => (
          <ListItem key={guard.ref}>
            <ListItemText
              primary={
                <EntityRefLink
                  entityRef={guard.ref}
                  title={guard.displayName}
                />
              }
              secondary={
                <>
                  SLO guard of <EntityLinks entities={entities} />, none of
                  which declares an SLO
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    );
  }
  const items = {
    paging: overview.paging,
    ticketing: overview.ticketing,
    'low-budget': overview.lowBudget,
    unmeasured: overview.unmeasured,
  }[tile].items;
  return (
    <>
      <SloList items={items} label={label(tile, overview)} />
      {more && (
        <Typography variant="caption" color="textSecondary">
          {more}
        </Typography>
      )}
    </>
  );
}

/**
 * The SLO guard's tiles across the catalog: SLOs burning now, with little
 * budget left or not measured, services of a required tier without an SLO,
 * and SLO guards with none; choosing a tile lists what is behind it.
 */
export function SloTiles(props: {
  overview: SloOverview;
  selected?: SloTile;
  onSelect: (tile: SloTile) => void;
}) {
  const { overview, selected, onSelect } = props;
  const classes = useStyles();
  if (!overview.evaluatedAt) {
    return (
      <Typography role="status">
        The SLOs are being measured for the first time; the evaluation runs
        every minute by default (sreOwnership.slos.evaluationFrequency). Reload
        in a moment.
      </Typography>
    );
  }
  return (
    <>
      {overview.total === 0 && (
        <Box mb={2}>
          <NoSlosState />
        </Box>
      )}
      <Grid container spacing={2}>
        {SLO_TILES.map(tile => {
          const count = listOf(tile, overview).total;
          return (
            <Grid item xs={6} sm={4} md={2} key={tile}>
              <Card
                className={`${classes.tile} ${
                  selected === tile ? classes.selected : ''
                }`}
                data-testid={`slo-tile-${tile}`}
              >
                <CardActionArea
                  className={classes.area}
                  onClick={() => onSelect(tile)}
                  aria-pressed={selected === tile}
                  aria-label={`${label(tile, overview)}: ${count}`}
                >
                  <Typography variant="h4" className={classes.count}>
                    {count}
                  </Typography>
                  <Typography variant="body2">
                    {label(tile, overview)}
                  </Typography>
                </CardActionArea>
              </Card>
            </Grid>
          );
        })}
      </Grid>
      <Typography variant="caption" color="textSecondary" component="p">
        {overview.total} SLOs, measured at{' '}
        {new Date(overview.evaluatedAt).toLocaleString()}
      </Typography>
      {selected && (
        <Box mt={2}>
          <TileList tile={selected} overview={overview} />
        </Box>
      )}
    </>
  );
}

/** Shown when no entity declares an SLO. */
export function NoSlosState() {
  return (
    <MissingDeclarationState
      title="No SLOs declared"
      description="No entity you may read declares an SLO. Name an OpenSLO file beside a service's catalog-info.yaml (docs/slos.md):"
      yaml={`metadata:\n  annotations:\n    sre-ownership.io/slo-file: ./slos.yaml`}
    />
  );
}
