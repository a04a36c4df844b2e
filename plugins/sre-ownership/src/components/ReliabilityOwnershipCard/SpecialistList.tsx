import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ResolvedSpecialist,
  SPECIALIST_ROLE_INFO,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PartyLink } from '../PartyLink';
import { SpecialistGapChip } from './SpecialistGapChip';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  role: {
    padding: theme.spacing(1, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  holder: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginTop: theme.spacing(0.5),
  },
}));

function SpecialistRoleEntry(props: { specialist: ResolvedSpecialist }) {
  const { role, primary, backups, source, gap } = props.specialist;
  const classes = useStyles();
  const info = SPECIALIST_ROLE_INFO[role];
  return (
    <li className={classes.role} aria-label={info?.title ?? role}>
      <div className={classes.heading}>
        <Typography variant="subtitle2" title={info?.description}>
          {info?.title ?? role}
        </Typography>
        {gap && <SpecialistGapChip gap={gap} />}
      </div>
      {primary && (
        <div className={classes.holder}>
          <Typography variant="caption" color="textSecondary">
            Primary
          </Typography>
          <PartyLink party={primary} source={source} withAvatar />
        </div>
      )}
      {backups.map(backup => (
        <div key={backup.ref} className={classes.holder}>
          <Typography variant="caption" color="textSecondary">
            Backup
          </Typography>
          <PartyLink party={backup} source={source} withAvatar />
        </div>
      ))}
    </li>
  );
}

/**
 * The specialist roles with their primary and backups, flagging roles that
 * nobody holds or that rest on one person.
 */
export function SpecialistList(props: { specialists: ResolvedSpecialist[] }) {
  const classes = useStyles();
  if (props.specialists.length === 0) {
    return null;
  }
  return (
    <section className={classes.section} aria-label="Specialists">
      <Typography variant="overline" component="h3">
        Specialists
      </Typography>
      <ul className={classes.list}>
        {props.specialists.map(specialist => (
          <SpecialistRoleEntry key={specialist.role} specialist={specialist} />
        ))}
      </ul>
    </section>
  );
}
