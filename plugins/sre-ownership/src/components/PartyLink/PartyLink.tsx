import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import { Party, ValueSource } from '@sre-ownership/plugin-sre-ownership-common';
import { ProvenanceTooltip } from '../ProvenanceTooltip';
import { ContactLinks } from './ContactLinks';
import { PartyAvatar } from './PartyAvatar';

const useStyles = makeStyles(theme => ({
  party: {
    display: 'inline-flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
  missing: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
  },
  icon: { fontSize: theme.typography.body2.fontSize },
}));

/**
 * A person or team: a link to their catalog page with how to reach them.
 * A ref that names nothing in the catalog is shown in a warning style instead
 * of a link that would lead nowhere. Hovering the name tells where it came
 * from when `source` is given.
 *
 * @public
 */
export function PartyLink(props: {
  party: Party;
  source?: ValueSource;
  withAvatar?: boolean;
  /** Leave out the e-mail and chat links, where the contacts show elsewhere. */
  withoutContacts?: boolean;
}) {
  const { party, source, withAvatar, withoutContacts } = props;
  const classes = useStyles();
  return (
    <span className={classes.party}>
      {withAvatar && <PartyAvatar party={party} />}
      <ProvenanceTooltip source={source}>
        {party.exists ? (
          <EntityRefLink entityRef={party.ref} disableTooltip>
            {party.displayName}
          </EntityRefLink>
        ) : (
          <span className={classes.missing}>
            <WarningIcon className={classes.icon} aria-hidden />
            {party.displayName} (not in the catalog)
          </span>
        )}
      </ProvenanceTooltip>
      {!withoutContacts && <ContactLinks party={party} />}
    </span>
  );
}
