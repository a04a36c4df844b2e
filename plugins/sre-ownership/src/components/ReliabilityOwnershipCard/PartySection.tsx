import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Party, ValueSource } from '@sre-ownership/plugin-sre-ownership-common';
import { PartyLink } from '../PartyLink';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  parties: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
}));

/**
 * A titled list of people or teams. `sourceOf` tells where each one came
 * from; each is shown with that on hover.
 */
export function PartySection(props: {
  title: string;
  parties: Party[];
  sourceOf: (party: Party) => ValueSource | undefined;
}) {
  const { title, parties, sourceOf } = props;
  const classes = useStyles();
  if (parties.length === 0) {
    return null;
  }
  return (
    <section className={classes.section} aria-label={title}>
      <Typography variant="overline" component="h3">
        {title}
      </Typography>
      <div className={classes.parties}>
        {parties.map(party => (
          <PartyLink key={party.ref} party={party} source={sourceOf(party)} />
        ))}
      </div>
    </section>
  );
}
