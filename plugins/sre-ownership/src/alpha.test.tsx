import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import sreOwnershipPlugin from './alpha';
import { anEntity } from './__testUtils__/entityPage';

const CARD_IDS = [
  'entity-card:sre-ownership/reliability-ownership',
  'entity-card:sre-ownership/escalation-path',
  'entity-card:sre-ownership/oncall-health',
  'entity-card:sre-ownership/slos',
] as const;

const TEAM_BURDEN_ID = 'entity-card:sre-ownership/team-burden';

describe('new frontend system plugin', () => {
  it.each(CARD_IDS)(
    '%s shows on components, APIs, resources and systems only',
    id => {
      const filter = createExtensionTester(
        sreOwnershipPlugin.getExtension(id),
      ).get(EntityCardBlueprint.dataRefs.filterFunction);
      for (const kind of ['Component', 'API', 'Resource', 'System']) {
        expect(filter?.(anEntity({ kind }))).toBe(true);
      }
      expect(filter?.(anEntity({ kind: 'Group' }))).toBe(false);
    },
  );

  it.each(CARD_IDS)('%s lets app-config override its filter', id => {
    const filter = createExtensionTester(sreOwnershipPlugin.getExtension(id), {
      config: { filter: { kind: 'system' } },
    }).get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(anEntity({ kind: 'System' }))).toBe(true);
    expect(filter?.(anEntity({ kind: 'Component' }))).toBe(false);
  });

  it.each(CARD_IDS)('%s is a content card, placed in the main column', id => {
    expect(
      createExtensionTester(sreOwnershipPlugin.getExtension(id)).get(
        EntityCardBlueprint.dataRefs.type,
      ),
    ).toBe('content');
  });

  it('names the overview page apart from the entity tab', () => {
    const tester = createExtensionTester(
      sreOwnershipPlugin.getExtension(
        'page:sre-ownership/reliability-overview',
      ),
    );
    expect(tester.get(coreExtensionData.title)).toBe('SRE overview');
  });

  it('adds a Reliability tab in the operation group', () => {
    const tester = createExtensionTester(
      sreOwnershipPlugin.getExtension(
        'entity-content:sre-ownership/reliability',
      ),
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/reliability');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Reliability',
    );
    expect(tester.get(EntityContentBlueprint.dataRefs.group)).toBe('operation');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(anEntity({ kind: 'Component' }))).toBe(true);
    expect(filter?.(anEntity({ kind: 'User' }))).toBe(false);
  });

  it('shows the team burden card on Group pages only, full width', () => {
    const tester = createExtensionTester(
      sreOwnershipPlugin.getExtension(TEAM_BURDEN_ID),
    );
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction);
    expect(filter?.(anEntity({ kind: 'Group' }))).toBe(true);
    for (const kind of ['Component', 'User', 'System']) {
      expect(filter?.(anEntity({ kind }))).toBe(false);
    }
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
  });
});
