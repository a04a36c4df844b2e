import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { ResolvedSpecialist } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  gap: {
    color: theme.palette.warning.contrastText,
    backgroundColor: theme.palette.warning.main,
  },
  icon: { color: 'inherit' },
}));

const GAP_LABELS: Record<NonNullable<ResolvedSpecialist['gap']>, string> = {
  unfilled: 'Unfilled',
  'single-point-of-failure': 'No backup',
};

const GAP_EXPLANATIONS: Record<
  NonNullable<ResolvedSpecialist['gap']>,
  string
> = {
  unfilled: 'Nobody holds this role.',
  'single-point-of-failure':
    'Only one person holds this role: a single point of failure. Add a backup.',
};

/** A warning that a specialist role has nobody, or nobody behind its one holder. */
export function SpecialistGapChip(props: {
  gap: NonNullable<ResolvedSpecialist['gap']>;
}) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes.gap}
      icon={<WarningIcon className={classes.icon} />}
      label={GAP_LABELS[props.gap]}
      title={GAP_EXPLANATIONS[props.gap]}
    />
  );
}
