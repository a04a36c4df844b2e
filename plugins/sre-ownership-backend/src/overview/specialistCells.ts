/** Component schemas of the specialist-role matrix of the overview. */
import { SPECIALIST_ROLES } from '@sre-ownership/plugin-sre-ownership-common';
import { BOOLEAN, STRING, arrayOf, keyed, ref } from '../schema/common';

/** Schema of one team's holders of one specialist role. */
export const specialistCellSchemas = {
  SpecialistCell: {
    type: 'object',
    description:
      "One team's holders of one specialist role, as the team's services resolve it (the entity cards' inheritance); the Group's own when it owns no service.",
    required: [
      'backups',
      'unfilled',
      'singlePerson',
      'samePrimaryAndBackup',
      'overLimit',
    ],
    properties: {
      primary: ref('Party'),
      backups: arrayOf(ref('Party')),
      unfilled: BOOLEAN,
      singlePerson: BOOLEAN,
      samePrimaryAndBackup: BOOLEAN,
      overLimit: {
        type: ['array', 'null'],
        items: STRING,
        description:
          'Holders over a burden limit; null without sre-ownership.burden.read or on-call data.',
      },
      declaredOn: {
        type: 'array',
        items: STRING,
        description:
          "Where the holders are declared: the team's services, their System, Domain or owning Group.",
      },
      servicesWithout: {
        type: 'array',
        items: STRING,
        description: "The team's services that resolve to nobody in the role.",
      },
    },
  },
} as const;

/** Every specialist role, each with its SpecialistCell. */
export const SPECIALIST_CELLS = keyed(SPECIALIST_ROLES, ref('SpecialistCell'));
