import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { PrincipalEntityCache } from '../service/PrincipalEntityCache';
import { TeamPeopleReader } from './TeamPeople';

const TEAM = 'group:default/payments';

const aUser = (
  name: string,
  zone: string,
  memberOfRelation = true,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: { 'sre-ownership.io/timezone': zone },
  },
  spec: { memberOf: ['payments'] },
  relations: memberOfRelation ? [{ type: 'memberOf', targetRef: TEAM }] : [],
});

const aGroup = (members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: members.map(name => ({
    type: 'hasMember',
    targetRef: `user:default/${name}`,
  })),
});

function setup(entities: Entity[]) {
  const catalog = catalogServiceMock({ entities });
  const byRefs = jest.spyOn(catalog, 'getEntitiesByRefs');
  const reader = new TeamPeopleReader(
    catalog,
    new PrincipalEntityCache(),
    'UTC',
  );
  return { reader, byRefs };
}

describe('TeamPeopleReader.readGroup', () => {
  const credentials = mockCredentials.user();

  it('reads the Group and its members in one request, whatever the spelling asked', async () => {
    const { reader, byRefs } = setup([
      aGroup(['jane', 'mei']),
      aUser('jane', 'Europe/London'),
      aUser('mei', 'Asia/Tokyo'),
      aUser('outsider', 'America/New_York', false),
    ]);
    const group = await reader.readGroup(
      { kind: 'Group', namespace: 'default', name: 'Payments' },
      credentials,
    );
    expect(group?.metadata.name).toBe('payments');
    const people = await reader.read(group, [], credentials);
    expect(people.members).toEqual([
      { userRef: 'user:default/jane', timezone: 'Europe/London' },
      { userRef: 'user:default/mei', timezone: 'Asia/Tokyo' },
    ]);
    expect(byRefs).not.toHaveBeenCalled();
  });

  it('reads by ref a member the relation query did not return', async () => {
    const { reader, byRefs } = setup([
      aGroup(['jane', 'mei']),
      aUser('jane', 'Europe/London'),
      aUser('mei', 'Asia/Tokyo', false),
    ]);
    const group = await reader.readGroup(
      { kind: 'Group', namespace: 'default', name: 'payments' },
      credentials,
    );
    const people = await reader.read(group, [], credentials);
    expect(people.members).toContainEqual({
      userRef: 'user:default/mei',
      timezone: 'Asia/Tokyo',
    });
    expect(byRefs).toHaveBeenCalledTimes(1);
    expect(byRefs.mock.calls[0][0].entityRefs).toEqual(['user:default/mei']);
  });

  it('answers undefined when there is no such Group', async () => {
    const { reader } = setup([aUser('jane', 'Europe/London')]);
    await expect(
      reader.readGroup(
        { kind: 'Group', namespace: 'default', name: 'search' },
        credentials,
      ),
    ).resolves.toBeUndefined();
  });
});
