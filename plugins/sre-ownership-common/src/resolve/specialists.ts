import { ResolvedSpecialist } from '../resolved';
import { SPECIALIST_ROLES, SPECIALIST_ROLE_INFO } from '../specialists';
import { Declared, declaredBy, sourceOf } from './chain';
import { PartyDirectory } from './parties';

/**
 * The nearest declared holders of each specialist role, flagging a role
 * that no one, or only one person, in the catalog holds.
 */
export function resolveSpecialists(
  chain: Declared[],
  directory: PartyDirectory,
): ResolvedSpecialist[] {
  return SPECIALIST_ROLES.map(role => {
    const annotation = SPECIALIST_ROLE_INFO[role].annotation;
    const declared = chain.find(d => d.declarations.specialists[role]);
    if (!declared) return { role, backups: [], gap: 'unfilled' };
    const source = sourceOf(declared, annotation);
    const [primary, ...backups] = declared.declarations.specialists[role]!.map(
      ref => directory.party(ref, declaredBy(source)),
    );
    const holders = [primary, ...backups].filter(p => p.exists);
    if (holders.length === 0)
      return { role, primary, backups, source, gap: 'unfilled' };
    if (holders.length === 1)
      return { role, primary, backups, source, gap: 'single-point-of-failure' };
    return { role, primary, backups, source };
  });
}
