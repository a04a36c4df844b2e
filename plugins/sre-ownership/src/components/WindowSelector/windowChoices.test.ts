import {
  choiceOfKey,
  pastMonths,
  pastQuarters,
  rollingChoices,
} from './windowChoices';

const NOW = new Date('2026-02-14T10:00:00Z');

describe('window choices', () => {
  it('offers the usual rolling windows and a configured one', () => {
    expect(rollingChoices(30).map(choice => choice.key)).toEqual([
      'days:7',
      'days:14',
      'days:28',
      'days:30',
      'days:90',
    ]);
  });

  it('offers the complete calendar months before now, across a year end', () => {
    const [january, december] = pastMonths(NOW);
    expect(january).toEqual({
      key: 'month:2026-01',
      label: 'January 2026',
      query: {
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-02-01T00:00:00.000Z',
      },
    });
    expect(december.query).toEqual({
      from: '2025-12-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
    expect(pastMonths(NOW)).toHaveLength(12);
  });

  it('offers the complete quarters before now', () => {
    expect(pastQuarters(NOW).map(choice => choice.label)).toEqual([
      'Q4 2025',
      'Q3 2025',
      'Q2 2025',
      'Q1 2025',
    ]);
    expect(pastQuarters(NOW)[0].query).toEqual({
      from: '2025-10-01T00:00:00.000Z',
      to: '2026-01-01T00:00:00.000Z',
    });
  });
});

describe('choiceOfKey', () => {
  it('reads back every window offered', () => {
    for (const choice of [
      ...rollingChoices(30),
      ...pastMonths(NOW),
      ...pastQuarters(NOW),
    ]) {
      expect(choiceOfKey(choice.key)).toEqual(choice);
    }
  });

  it('names no window for a key that names none', () => {
    for (const key of [
      'days:0',
      'days:400',
      'month:2026-13',
      'quarter:2026-Q5',
      'week:1',
      '',
    ]) {
      expect(choiceOfKey(key)).toBeUndefined();
    }
  });
});
