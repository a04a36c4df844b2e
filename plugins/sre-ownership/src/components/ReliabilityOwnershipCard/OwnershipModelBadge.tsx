import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  OWNERSHIP_MODEL_DESCRIPTIONS,
  OwnershipModel,
  Sourced,
} from '@sre-ownership/plugin-sre-ownership-common';
import { ProvenanceTooltip } from '../ProvenanceTooltip';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1.5),
  },
}));

/** The ownership model as a badge, with its one-line explanation. */
export function OwnershipModelBadge(props: { model: Sourced<OwnershipModel> }) {
  const { value, source } = props.model;
  const classes = useStyles();
  return (
    <div className={classes.badge}>
      <ProvenanceTooltip source={source}>
        <Chip color="primary" label={value} />
      </ProvenanceTooltip>
      <Typography variant="body2">
        {OWNERSHIP_MODEL_DESCRIPTIONS[value] ??
          `Unknown ownership model "${value}".`}
      </Typography>
    </div>
  );
}
