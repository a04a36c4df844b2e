import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import WarningIcon from '@material-ui/icons/Warning';

const useStyles = makeStyles(theme => ({
  figure: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  over: { color: theme.palette.error.main, fontWeight: 600 },
  near: { color: theme.palette.warning.dark },
  within: {},
  // The reason may wrap between words in a narrow column of figures.
  reason: { whiteSpace: 'normal' },
}));

/**
 * Where a figure stands against its sustainable limit, as the backend judged
 * it (`overLimit`, `nearLimit`): the card never judges a figure itself.
 */
export type LimitStanding = 'over' | 'near' | 'within';

/**
 * A figure and, beneath it, the previous window's value when given; an
 * undefined figure reads "—" with the reason beneath it. A figure
 * with a limit is coloured against it; above or close to the limit it also
 * carries an icon whose accessible name says so, so colour is never the only
 * sign.
 */
export function LimitFigure(props: {
  /** The figure; null where it is undefined for the window (shown as "—"). */
  value: number | null;
  format: (value: number) => string;
  /** The sustainable maximum; without one the figure is only reported. */
  limit?: number;
  /** The backend's verdict on the figure; unmarked without one. */
  standing?: LimitStanding;
  previous?: number | null;
  /** Accessible name of the over-limit icon, when "over the limit" misleads. */
  overLabel?: string;
  /** One line saying why the figure is undefined, e.g. "never on call". */
  undefinedReason?: string;
}) {
  const { value, format, limit, previous } = props;
  const classes = useStyles();
  if (value === null) {
    return (
      <>
        <span className={classes.figure}>—</span>
        <Typography
          variant="caption"
          color="textSecondary"
          display="block"
          className={classes.reason}
        >
          {props.undefinedReason ?? 'undefined in this window'}
        </Typography>
      </>
    );
  }
  const standing = props.standing ?? 'within';
  const limitText = limit === undefined ? '' : ` of ${format(limit)}`;
  let text = format(value);
  // 2.04 pages per shift rounds to "2"; flagged over a limit of 2, it would
  // contradict itself, so it reads "> 2" instead.
  if (standing === 'over' && limit !== undefined && text === format(limit)) {
    text = `> ${text}`;
  }
  return (
    <>
      <span className={`${classes.figure} ${classes[standing]}`}>
        {text}
        {standing === 'over' && (
          <ErrorIcon
            fontSize="inherit"
            titleAccess={props.overLabel ?? `over the limit${limitText}`}
          />
        )}
        {standing === 'near' && (
          <WarningIcon
            fontSize="inherit"
            titleAccess={`close to the limit${limitText}`}
          />
        )}
      </span>
      {previous !== undefined && (
        <Typography variant="caption" color="textSecondary" display="block">
          was {previous === null ? '—' : format(previous)}
        </Typography>
      )}
    </>
  );
}
