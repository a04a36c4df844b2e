import { Party } from '@sre-ownership/plugin-sre-ownership-common';
import { specialistCell, trendOf } from './TeamReports';

const person = (name: string, exists = true): Party => ({
  ref: `user:default/${name}`,
  kind: 'user',
  displayName: name,
  exists,
});

describe('specialistCell', () => {
  it('flags a role nobody holds, one person holds, or the same person twice', () => {
    expect(specialistCell(undefined, null)).toMatchObject({
      unfilled: true,
      singlePerson: false,
      overLimit: null,
    });
    expect(
      specialistCell({ primary: person('ana'), backups: [] }, new Map()),
    ).toMatchObject({ unfilled: false, singlePerson: true, overLimit: [] });
    expect(
      specialistCell(
        {
          primary: person('ana'),
          backups: [person('ana')],
        },
        null,
      ),
    ).toMatchObject({ singlePerson: true, samePrimaryAndBackup: true });
  });

  it('names the holders over a burden limit, and only those that exist', () => {
    const cell = specialistCell(
      {
        primary: person('ana'),
        backups: [person('bo'), person('ghost', false)],
      },
      new Map([
        ['user:default/ana', ['pagesPerShift']],
        ['user:default/bo', []],
      ]),
    );
    expect(cell).toMatchObject({
      unfilled: false,
      singlePerson: false,
      overLimit: ['user:default/ana'],
    });
  });
});

describe('trendOf', () => {
  it('compares the status with the previous window', () => {
    expect(trendOf('overloaded', 'at-risk')).toBe('worse');
    expect(trendOf('healthy', 'at-risk')).toBe('better');
    expect(trendOf('at-risk', 'at-risk')).toBe('same');
  });
});
