import Avatar from '@material-ui/core/Avatar';
import { makeStyles } from '@material-ui/core/styles';
import { Party } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  avatar: {
    width: theme.spacing(3),
    height: theme.spacing(3),
    fontSize: theme.typography.caption.fontSize,
  },
}));

/** Up to two initials of a display name, e.g. "Mei Lin" → "ML". */
export function initialsOf(displayName: string): string {
  return displayName
    .split(/[\s._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map(word => word.charAt(0).toLocaleUpperCase('en-US'))
    .join('');
}

/** A person's or team's picture, or their initials when there is none. */
export function PartyAvatar(props: { party: Party }) {
  const { party } = props;
  const classes = useStyles();
  return (
    <Avatar
      className={classes.avatar}
      src={party.picture}
      alt={party.displayName}
    >
      {initialsOf(party.displayName)}
    </Avatar>
  );
}
