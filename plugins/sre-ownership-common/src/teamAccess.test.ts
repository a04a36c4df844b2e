import { Entity } from '@backstage/catalog-model';
import { isManagerOfTeam, isMemberOfTeam, teamManagerRefs } from './teamAccess';

function aTeam(managers?: string, members: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'payments',
      namespace: 'finance',
      ...(managers === undefined
        ? {}
        : { annotations: { 'sre-ownership.io/managers': managers } }),
    },
    spec: { type: 'team', children: [] },
    relations: members.map(targetRef => ({ type: 'hasMember', targetRef })),
  };
}

describe('teamManagerRefs', () => {
  it("completes refs with User and the Group's namespace, and drops malformed items", () => {
    expect(
      teamManagerRefs(aTeam('jane-doe, group:default/leads; user:default/')),
    ).toEqual(['user:finance/jane-doe', 'group:default/leads']);
  });

  it('names nobody without the annotation', () => {
    expect(teamManagerRefs(aTeam())).toEqual([]);
  });
});

describe('isMemberOfTeam', () => {
  const team = aTeam(undefined, ['user:finance/mei-lin']);

  it('accepts the Group among the claims, in any case', () => {
    expect(isMemberOfTeam(team, ['group:finance/Payments'])).toBe(true);
  });

  it('accepts a direct member', () => {
    expect(isMemberOfTeam(team, ['user:finance/mei-lin'])).toBe(true);
  });

  it('refuses anyone else, including a member of the same name elsewhere', () => {
    expect(isMemberOfTeam(team, ['user:default/mei-lin'])).toBe(false);
    expect(isMemberOfTeam(team, ['group:finance/engineering'])).toBe(false);
  });
});

describe('isManagerOfTeam', () => {
  const team = aTeam('user:jane-doe, group:default/leads');

  it('accepts a named manager and members of a named group', () => {
    expect(isManagerOfTeam(team, ['user:finance/jane-doe'])).toBe(true);
    expect(isManagerOfTeam(team, ['user:x/lee', 'group:default/leads'])).toBe(
      true,
    );
  });

  it('refuses a member who is not named', () => {
    expect(
      isManagerOfTeam(aTeam(undefined, ['user:finance/jane-doe']), [
        'user:finance/jane-doe',
      ]),
    ).toBe(false);
  });
});
