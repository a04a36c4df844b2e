import { burdenPaths, burdenSchemas } from './burden/burdenSpec';
import { ingestionPaths, ingestionSchemas } from './ingest/ingestSpec';
import { overviewPaths, overviewSchemas } from './overview/overviewSpec';
import { specialistCellSchemas } from './overview/specialistCells';
import { ownershipPaths, ownershipSchemas } from './ownership/ownershipSpec';
import { pulsePaths, pulseSchemas } from './pulse/pulseSpec';
import { readinessPaths, readinessSchemas } from './readiness/readinessSpec';
import { restPaths, restSchemas } from './restOwed/restOwedSpec';
import { schedulePaths, scheduleSchemas } from './schedules/scheduleSpec';
import { DOCUMENT, ERROR_SCHEMA } from './schema/contract';
import { sharedSchemas } from './schema/sharedSchemas';
import { sloPaths, sloSchemas, sloStatusSchemas } from './slo/sloSpec';
import { sloGuardPaths, sloGuardSchemas } from './slo/sloGuardSpec';

/**
 * The plugin's HTTP API. Requests are validated against it at the edge (a
 * request that does not match gets a 400 naming the field), and it is served
 * at /api/sre-ownership/openapi.json.
 *
 * It is assembled from each capability's fragment (`<capability>/*Spec.ts`),
 * whose own contract types and validates that capability's routes. It is a
 * typed constant rather than YAML with generated server types (as
 * core's notifications backend has): createValidatedOpenApiRouter already
 * derives each handler's request and response types from this constant, so
 * generation would add a build step and a second copy without adding a
 * check. Field rules that JSON Schema states well (types, lengths, enums,
 * required and unknown fields) live in the fragments; oncall/fields.ts checks what it
 * cannot (calendar dates, time order, characters, ref parts) and supplies
 * the limits used here.
 */
export const spec = {
  ...DOCUMENT,
  components: {
    schemas: {
      ...overviewSchemas,
      ...restSchemas,
      ...pulseSchemas,
      ...sloGuardSchemas,
      ...sharedSchemas,
      ...ownershipSchemas,
      ...burdenSchemas,
      ...sloSchemas,
      ...specialistCellSchemas,
      ...sloStatusSchemas,
      ...ingestionSchemas,
      ...scheduleSchemas,
      ...readinessSchemas,
      Error: ERROR_SCHEMA,
    },
  },
  paths: {
    ...overviewPaths,
    ...restPaths,
    ...pulsePaths,
    ...sloGuardPaths,
    ...readinessPaths,
    ...ownershipPaths,
    ...burdenPaths,
    ...sloPaths,
    ...schedulePaths,
    ...ingestionPaths,
  },
} as const;
