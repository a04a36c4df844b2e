/**
 * The SRE Ownership backend plugin.
 *
 * @packageDocumentation
 */
export { sreOwnershipPlugin as default } from './plugin';
