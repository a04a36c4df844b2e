/**
 * Catalog module that validates `sre-ownership.io/` annotations and emits
 * reliability ownership relations.
 *
 * @packageDocumentation
 */
export { catalogModuleSreOwnership as default } from './module';
export { SreOwnershipProcessor } from './SreOwnershipProcessor';
export type { ReadEntitiesByRefs } from './InheritedEntities';
