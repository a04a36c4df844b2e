import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { WeeklyVolume } from '@sre-ownership/plugin-sre-ownership-common';
import { formatCount, formatWeekStart } from '../formatFigures';
import { describeWeekOverWeek } from './describeWeekOverWeek';

// Drawing units of the viewBox; the chart scales to the card's width.
const WIDTH = 320;
const HEIGHT = 120;
const TOP = 14;
const BOTTOM = 18;
// Most week labels that fit under the bars without overlapping.
const MAX_WEEK_LABELS = 7;

const useStyles = makeStyles(theme => ({
  figure: { margin: theme.spacing(1, 0) },
  chart: { display: 'block', width: '100%', height: 'auto' },
  bar: { fill: theme.palette.primary.main },
  label: { fill: theme.palette.text.secondary, fontSize: 9 },
}));

/**
 * Pages per week as a bar chart, with the week-over-week change in words
 * beneath it. Each bar is announced as "Week of 6 Jan: 4 pages".
 */
export function WeeklyVolumeChart(props: {
  weeklyVolume: WeeklyVolume[];
  weekOverWeekChange?: number;
}) {
  const { weeklyVolume, weekOverWeekChange } = props;
  const classes = useStyles();
  if (weeklyVolume.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No weekly page counts in this window.
      </Typography>
    );
  }
  const highest = Math.max(1, ...weeklyVolume.map(week => week.pages));
  const slot = WIDTH / weeklyVolume.length;
  const barWidth = slot * 0.7;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const labelEvery = Math.ceil(weeklyVolume.length / MAX_WEEK_LABELS);
  return (
    <figure className={classes.figure}>
      <svg
        role="group"
        aria-label="Pages per week"
        className={classes.chart}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      >
        {weeklyVolume.map((week, index) => {
          const height = (week.pages / highest) * plotHeight;
          const x = index * slot + (slot - barWidth) / 2;
          const y = TOP + plotHeight - height;
          const weekLabel = formatWeekStart(week.weekStart);
          return (
            <g
              key={week.weekStart}
              role="img"
              aria-label={`Week of ${weekLabel}: ${formatCount(
                week.pages,
                'page',
              )}`}
            >
              <rect
                className={classes.bar}
                x={x}
                y={y}
                width={barWidth}
                height={height}
              />
              <text
                className={classes.label}
                x={x + barWidth / 2}
                y={y - 3}
                textAnchor="middle"
              >
                {week.pages}
              </text>
              {index % labelEvery === 0 && (
                <text
                  className={classes.label}
                  x={x + barWidth / 2}
                  y={HEIGHT - 5}
                  textAnchor="middle"
                >
                  {weekLabel}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <Typography component="figcaption" variant="body2">
        {describeWeekOverWeek(weekOverWeekChange)}
      </Typography>
    </figure>
  );
}
