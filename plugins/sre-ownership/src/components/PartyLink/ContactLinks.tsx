import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import ChatIcon from '@material-ui/icons/Chat';
import EmailIcon from '@material-ui/icons/Email';
import { Party } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  contact: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginLeft: theme.spacing(1),
    color: theme.palette.text.secondary,
    fontSize: theme.typography.body2.fontSize,
  },
  icon: { fontSize: theme.typography.body2.fontSize },
}));

/** How to reach a person or team: a mailto link and their chat channel. */
export function ContactLinks(props: { party: Party }) {
  const { email, chatChannel } = props.party;
  const classes = useStyles();
  return (
    <>
      {email && (
        <Link href={`mailto:${email}`} className={classes.contact}>
          <EmailIcon className={classes.icon} aria-hidden />
          {email}
        </Link>
      )}
      {chatChannel && (
        <span className={classes.contact}>
          <ChatIcon className={classes.icon} aria-hidden />
          {chatChannel}
        </span>
      )}
    </>
  );
}
