import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ResolvedSpecialist } from '@sre-ownership/plugin-sre-ownership-common';
import { PartyLink } from '../PartyLink';

const useStyles = makeStyles(theme => ({
  guard: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));

/** Who defends these SLOs: the SLO guard, primary then backups, with how to reach them. */
export function SloGuard(props: { guard?: ResolvedSpecialist }) {
  const { guard } = props;
  const classes = useStyles();
  if (!guard?.primary) {
    return (
      <Typography
        variant="body2"
        color="textSecondary"
        className={classes.guard}
        role="note"
      >
        No SLO guard: name one with sre-ownership.io/slo-guard on the service,
        its System, Domain or owning Group.
      </Typography>
    );
  }
  return (
    <div className={classes.guard} aria-label="SLO guard">
      <Typography variant="body2" component="span">
        SLO guard:
      </Typography>
      <PartyLink party={guard.primary} source={guard.source} withAvatar />
      {guard.backups.length > 0 && (
        <>
          <Typography variant="body2" component="span" color="textSecondary">
            backup:
          </Typography>
          {guard.backups.map(backup => (
            <PartyLink key={backup.ref} party={backup} source={guard.source} />
          ))}
        </>
      )}
    </div>
  );
}
