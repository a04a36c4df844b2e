import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import {
  RESPONSIBILITY_AREA_TITLES,
  ResolvedResponsibility,
  ResponsibilityProvider,
} from '@sre-ownership/plugin-sre-ownership-common';
import { PartyLink } from '../PartyLink';
import { ProvenanceTooltip } from '../ProvenanceTooltip';
import { FittedTable } from '../tables';

const useStyles = makeStyles(theme => ({
  who: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
  },
}));

const PROVIDER_TITLES: Record<ResponsibilityProvider, string> = {
  platform: 'Platform team',
  embedded: 'Embedded SREs',
  product: 'Product team',
  shared: 'Shared',
};

/**
 * Who provides each reliability area (monitoring, on-call, ...) for this
 * entity; hovering the provider says where the assignment came from.
 */
export function ResponsibilityMatrix(props: {
  responsibilities: ResolvedResponsibility[];
}) {
  const classes = useStyles();
  return (
    <FittedTable size="small" aria-label="Responsibility matrix">
      <TableHead>
        <TableRow>
          <TableCell>Area</TableCell>
          <TableCell>Provider</TableCell>
          <TableCell>Who</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.responsibilities.map(responsibility => (
          <TableRow key={responsibility.area}>
            <TableCell>
              {RESPONSIBILITY_AREA_TITLES[responsibility.area] ??
                responsibility.area}
            </TableCell>
            <TableCell>
              <ProvenanceTooltip source={responsibility.source}>
                {PROVIDER_TITLES[responsibility.provider] ??
                  responsibility.provider}
              </ProvenanceTooltip>
            </TableCell>
            <TableCell>
              <div className={classes.who}>
                {responsibility.providers.map(party => (
                  // Contacts are listed with the owners above the matrix.
                  <PartyLink key={party.ref} party={party} withoutContacts />
                ))}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </FittedTable>
  );
}
