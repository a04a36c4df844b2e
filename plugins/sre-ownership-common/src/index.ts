/**
 * Types, annotation keys, permissions and the pure ownership rules shared by
 * the SRE Ownership frontend, backend and catalog module.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './declarations';
export * from './escalation';
export * from './events';
export * from './inheritance';
export * from './model';
export * from './permissions';
export * from './teamAccess';
export * from './problems';
export * from './resolve';
export * from './resolved';
export * from './onCallAnswer';
export * from './responsibilities';
export * from './specialists';
export * from './provenance';
export * from './timezones';
export * from './burden';
export * from './slo';
export * from './overview';
export * from './pulse';
export * from './config';
export * from './planning';
