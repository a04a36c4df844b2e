import Card from '@material-ui/core/Card';
import CardActionArea from '@material-ui/core/CardActionArea';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  COVERAGE_GAPS,
  CoverageGap,
  CoverageSummary,
} from '@sre-ownership/plugin-sre-ownership-common';
import { GAP_LABELS } from './gapLabels';

const useStyles = makeStyles(theme => ({
  tile: { height: '100%' },
  selected: { outline: `2px solid ${theme.palette.primary.main}` },
  area: { padding: theme.spacing(2), height: '100%' },
  count: { fontWeight: theme.typography.fontWeightBold as number },
}));

/**
 * One tile per coverage gap, with how many entities have it; choosing a tile
 * shows the list behind it.
 */
export function CoverageTiles(props: {
  summary: CoverageSummary;
  selected?: CoverageGap;
  onSelect: (gap: CoverageGap) => void;
}) {
  const { summary, selected, onSelect } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={2}>
      {COVERAGE_GAPS.map(gap => (
        <Grid item xs={6} sm={4} md={3} lg key={gap}>
          <Card
            className={`${classes.tile} ${
              selected === gap ? classes.selected : ''
            }`}
            data-testid={`tile-${gap}`}
          >
            <CardActionArea
              className={classes.area}
              onClick={() => onSelect(gap)}
              aria-pressed={selected === gap}
              aria-label={`${GAP_LABELS[gap]}: ${summary.gaps[gap]} of ${summary.total}`}
            >
              <Typography variant="h4" className={classes.count}>
                {summary.gaps[gap]}
              </Typography>
              <Typography variant="body2">{GAP_LABELS[gap]}</Typography>
              <Typography variant="caption" color="textSecondary">
                of {summary.total}
              </Typography>
            </CardActionArea>
          </Card>
        </Grid>
      ))}
    </Grid>
  );
}
