/**
 * The shapes the routes answer with, as OpenAPI component schemas, written
 * from the types in `@sre-ownership/plugin-sre-ownership-common` that the
 * services return: resolved ownership, team burden, service on-call health,
 * SLO status and their parts. Every response is described to its leaves.
 */
import { burdenSchemas } from './burdenSchemas';
import { ownershipSchemas } from './ownershipSchemas';
import { sloSchemas } from './sloSchemas';
import { specialistCellSchemas } from './specialistCells';

/** Component schemas of every response body except errors and ingestion. */
export const responseSchemas = {
  ...ownershipSchemas,
  ...burdenSchemas,
  ...sloSchemas,
  ...specialistCellSchemas,
} as const;
