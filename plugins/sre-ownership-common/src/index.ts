/**
 * Types, annotation keys, permissions and pure rules shared by the SRE
 * Ownership frontend and backend.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './model';
export * from './permissions';
export * from './declared';
export * from './events';
