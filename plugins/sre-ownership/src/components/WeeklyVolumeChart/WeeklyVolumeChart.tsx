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
  // A partial week: outlined, so that a few hours are not read as a week.
  partial: {
    fill: 'none',
    stroke: theme.palette.text.secondary,
    strokeDasharray: '3 2',
    strokeWidth: 1,
  },
  label: { fill: theme.palette.text.secondary, fontSize: 9 },
}));

/** "partial week, 0.4 hours in the window" for a week the window cuts. */
function describePartial(week: WeeklyVolume): string {
  return `partial week, ${formatHours(week.hours ?? 0)} in the window`;
}

function formatHours(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} minutes`;
  if (hours < 48) return `${Math.round(hours)} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/**
 * Pages per week as a bar chart, with the trend of the last two whole weeks
 * in words beneath it. Each bar is announced as "Week of 6 Jan: 4 pages"; a
 * week the window cuts is outlined and announced as partial, with how much
 * of it the window holds.
 */
export function WeeklyVolumeChart(props: { weeklyVolume: WeeklyVolume[] }) {
  const { weeklyVolume } = props;
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
  const partialWeeks = weeklyVolume.filter(week => week.partial);
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
          const weekLabel = formatWeekStart(week.weekStart);
          // An outlined partial week keeps a visible outline even at 0.
          const drawn = week.partial ? Math.max(height, 2) : height;
          return (
            <g
              key={week.weekStart}
              role="img"
              data-partial={week.partial ? 'true' : undefined}
              aria-label={`Week of ${weekLabel}${
                week.partial ? ` (${describePartial(week)})` : ''
              }: ${formatCount(week.pages, 'page')}`}
            >
              <rect
                className={week.partial ? classes.partial : classes.bar}
                x={x}
                y={TOP + plotHeight - drawn}
                width={barWidth}
                height={drawn}
              />
              <text
                className={classes.label}
                x={x + barWidth / 2}
                y={TOP + plotHeight - drawn - 3}
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
        {describeWeekOverWeek(weeklyVolume)}
      </Typography>
      {partialWeeks.length > 0 && (
        <Typography variant="caption" color="textSecondary" display="block">
          Outlined bars are partial weeks the window cuts (
          {partialWeeks
            .map(
              week =>
                `week of ${formatWeekStart(week.weekStart)}: ${formatHours(
                  week.hours ?? 0,
                )}`,
            )
            .join('; ')}
          ); their counts are not a week's total.
        </Typography>
      )}
    </figure>
  );
}
