import { SRE_OWNERSHIP_ANNOTATIONS as KEYS } from '../annotations';
import { OwnershipModel } from '../model';
import { Party, ResolvedResponsibility, ValueSource } from '../resolved';
import {
  DEFAULT_RESPONSIBILITY_MATRICES,
  RESPONSIBILITY_AREAS,
} from '../responsibilities';
import { Declared, sourceOf } from './chain';
import { OwnershipDefaults } from './defaults';
import { uniqueParties } from './parties';
import { ResponsibleTeams } from './teams';

/** Who a responsibility provider stands for. */
export type ProvidersOf = (
  provider: ResolvedResponsibility['provider'],
) => Party[];

/** Maps each responsibility provider to the teams and people it names. */
export function providersFor(teams: ResponsibleTeams): ProvidersOf {
  const { platformTeam, embeddedSres, productTeam } = teams;
  return provider => {
    switch (provider) {
      case 'platform':
        return uniqueParties([platformTeam?.value]);
      case 'embedded':
        return uniqueParties(embeddedSres?.value ?? []);
      case 'product':
        return uniqueParties([productTeam]);
      default:
        return uniqueParties([
          platformTeam?.value,
          ...(embeddedSres?.value ?? []),
        ]);
    }
  };
}

/** Who owns reliability as a whole under the model; no one without a model. */
export function reliabilityOwnersOf(
  model: OwnershipModel | undefined,
  providersOf: ProvidersOf,
): Party[] {
  return !model
    ? []
    : providersOf(
        (
          {
            platform: 'platform',
            embedded: 'embedded',
            hybrid: 'shared',
            'self-managed': 'product',
          } as const
        )[model],
      );
}

/**
 * Who provides each responsibility area: the nearest declaration, else the
 * configured matrix of the model, else the built-in one.
 */
export function resolveResponsibilities(
  model: OwnershipModel | undefined,
  chain: Declared[],
  defaults: OwnershipDefaults,
  providersOf: ProvidersOf,
): ResolvedResponsibility[] {
  if (!model) return [];
  const configured = defaults.responsibilities?.[model] ?? {};
  return RESPONSIBILITY_AREAS.map(area => {
    const declared = chain.find(d => d.declarations.responsibilities[area]);
    let provider = DEFAULT_RESPONSIBILITY_MATRICES[model][area];
    let source: ValueSource = {
      type: 'default',
      description: `built-in ${model} matrix`,
    };
    if (declared) {
      provider = declared.declarations.responsibilities[area]!;
      source = sourceOf(declared, KEYS.responsibilities);
    } else if (configured[area]) {
      provider = configured[area]!;
      source = {
        type: 'config',
        key: `sreOwnership.responsibilities.${model}.${area}`,
      };
    }
    return { area, provider, providers: providersOf(provider), source };
  });
}
