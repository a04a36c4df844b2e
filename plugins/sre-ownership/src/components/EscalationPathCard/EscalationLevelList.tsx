import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ResolvedEscalationLevel,
  ResolvedEscalationPath,
  formatDelay,
} from '@sre-ownership/plugin-sre-ownership-common';
import { OnCallNowSummary } from '../OnCallNow';
import { PartyLink } from '../PartyLink';

const useStyles = makeStyles(theme => ({
  levels: { listStyle: 'none', margin: 0, padding: 0 },
  level: {
    position: 'relative',
    padding: theme.spacing(1, 0, 1, 3),
    borderLeft: `2px solid ${theme.palette.divider}`,
    marginLeft: theme.spacing(1),
  },
  target: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
}));

/** "Level 2 — after 15m", or "Level 1 — immediately". */
export function levelHeading(level: ResolvedEscalationLevel): string {
  const when =
    level.afterMinutes === 0
      ? formatDelay(0)
      : `after ${formatDelay(level.afterMinutes)}`;
  return `Level ${level.level} — ${when}`;
}

function EscalationLevelEntry(props: {
  level: ResolvedEscalationLevel;
  path: ResolvedEscalationPath;
}) {
  const { level, path } = props;
  const classes = useStyles();
  // A derived path says where it came from once, in the card header.
  const source = path.derived ? undefined : path.source;
  return (
    <li className={classes.level}>
      <Typography variant="subtitle2">{levelHeading(level)}</Typography>
      <div className={classes.target}>
        {level.type === 'oncall' && (
          <Typography variant="body2" component="span">
            {'On-call rotation of '}
          </Typography>
        )}
        <PartyLink
          party={level.target}
          source={source}
          withAvatar={level.type === 'user'}
        />
      </div>
      {level.type === 'oncall' && level.onCall && (
        <OnCallNowSummary onCall={level.onCall} />
      )}
    </li>
  );
}

/** The levels of an escalation path in the order they are paged. */
export function EscalationLevelList(props: { path: ResolvedEscalationPath }) {
  const { path } = props;
  const classes = useStyles();
  const levels = [...path.levels].sort((a, b) => a.level - b.level);
  return (
    <ol className={classes.levels} aria-label="Escalation levels">
      {levels.map(level => (
        <EscalationLevelEntry key={level.level} level={level} path={path} />
      ))}
    </ol>
  );
}
