import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { TierOverview } from '@sre-ownership/plugin-sre-ownership-common';

const useStyles = makeStyles(theme => ({
  tier: { marginBottom: theme.spacing(2) },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
}));

/** Each tier's rules and who falls short, with the reasons in sentences. */
export function TierRules(props: { tiers: TierOverview }) {
  const classes = useStyles();
  return (
    <>
      {props.tiers.tiers.map(tier => {
        const short = tier.fallingShort.length + tier.moreFallingShort;
        return (
          <section
            key={tier.tier}
            className={classes.tier}
            data-testid={`tier-${tier.tier}`}
          >
            <Typography variant="subtitle1" component="h3">
              {tier.tier}
              {tier.tier === props.tiers.defaultTier ? ' (default)' : ''}:{' '}
              {short} of {tier.entities} fall short
            </Typography>
            <Typography variant="body2" color="textSecondary">
              Requires{' '}
              {tier.requirements.length
                ? tier.requirements.join('; ')
                : 'nothing (set rules under sreOwnership.overview.tiers in app-config)'}
              .
            </Typography>
            {tier.fallingShort.length > 0 && (
              <ul className={classes.list}>
                {tier.fallingShort.map(entity => (
                  <li key={entity.entityRef}>
                    <EntityRefLink
                      entityRef={entity.entityRef}
                      title={entity.title}
                    />
                    : {entity.fallsShort.join(' ')}
                  </li>
                ))}
              </ul>
            )}
            {tier.moreFallingShort > 0 && (
              <Typography variant="caption">
                …and {tier.moreFallingShort} more.
              </Typography>
            )}
          </section>
        );
      })}
    </>
  );
}
