import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  OwnershipModel,
  ResolvedResponsibility,
} from '@sre-ownership/plugin-sre-ownership-common';
import { ResponsibilityMatrix } from './ResponsibilityMatrix';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  details: { padding: 0 },
}));

/**
 * The responsibility matrix. The hybrid model only works with an explicit
 * split, so it is shown open there; other models give every area to one
 * party, so it is tucked into an expandable section.
 */
export function ResponsibilitySection(props: {
  model?: OwnershipModel;
  responsibilities: ResolvedResponsibility[];
}) {
  const { model, responsibilities } = props;
  const classes = useStyles();
  if (responsibilities.length === 0) {
    return null;
  }
  if (model === 'hybrid') {
    return (
      <section className={classes.section} aria-label="Responsibility matrix">
        <Typography variant="overline" component="h3">
          Responsibility matrix
        </Typography>
        <ResponsibilityMatrix responsibilities={responsibilities} />
      </section>
    );
  }
  return (
    <Accordion className={classes.section} variant="outlined">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="overline" component="h3">
          Responsibility matrix
        </Typography>
      </AccordionSummary>
      <AccordionDetails className={classes.details}>
        <ResponsibilityMatrix responsibilities={responsibilities} />
      </AccordionDetails>
    </Accordion>
  );
}
