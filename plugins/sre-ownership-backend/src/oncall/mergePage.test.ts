import { OncallPage } from '@sre-ownership/plugin-sre-ownership-common';
import fc from 'fast-check';
import { parseInstant } from './fields';
import { mergePage } from './mergePage';

const BASE = Date.parse('2026-03-03T10:00:00Z');
const MINUTE = 60_000;
const at = (minutes: number) => new Date(BASE + minutes * MINUTE).toISOString();
const minutesOf = (iso: string | undefined) =>
  iso === undefined ? undefined : (parseInstant(iso)! - BASE) / MINUTE;

const aReport = (fields: Partial<OncallPage>): OncallPage => ({
  source: 'api',
  externalId: 'inc-1',
  teamRef: 'group:default/payments',
  severity: 'high',
  triggeredAt: at(0),
  ...fields,
});

/** A valid report whose times lie in `[from, to]` minutes, in order. */
const report = (from = 0, to = 120, ackUpTo = to, resolvedFrom = from) =>
  fc
    .record({
      triggered: fc.integer({ min: from, max: Math.min(to, ackUpTo) }),
      acknowledged: fc.option(fc.integer({ min: 0, max: to }), {
        nil: undefined,
      }),
      resolved: fc.option(fc.integer({ min: 0, max: to }), { nil: undefined }),
      title: fc.option(fc.constantFrom('disk full', 'latency'), {
        nil: undefined,
      }),
      severity: fc.constantFrom<OncallPage['severity']>(
        'critical',
        'high',
        'low',
      ),
    })
    .map(({ triggered, acknowledged, resolved, title, severity }) => {
      const ack =
        acknowledged === undefined
          ? undefined
          : Math.min(ackUpTo, Math.max(triggered, acknowledged));
      const res =
        resolved === undefined
          ? undefined
          : Math.max(resolvedFrom, triggered, ack ?? triggered, resolved);
      return aReport({
        triggeredAt: at(triggered),
        ...(ack === undefined ? {} : { acknowledgedAt: at(ack) }),
        ...(res === undefined ? {} : { resolvedAt: at(res) }),
        ...(title === undefined ? {} : { title }),
        severity,
      });
    });

/**
 * The reference: the page all the reports describe, read off them at once.
 * The earliest start, the earliest acknowledgement, the latest resolution
 * but not before that acknowledgement; other fields as last reported.
 */
function reference(reports: OncallPage[]) {
  const times = (pick: (r: OncallPage) => string | undefined) =>
    reports.map(r => minutesOf(pick(r))).filter(t => t !== undefined);
  const acks = times(r => r.acknowledgedAt);
  const resolutions = times(r => r.resolvedAt);
  const acknowledged = acks.length ? Math.min(...acks) : undefined;
  return {
    triggered: Math.min(...times(r => r.triggeredAt)),
    acknowledged,
    resolved: resolutions.length
      ? Math.max(...resolutions, acknowledged ?? -Infinity)
      : undefined,
    title: reports
      .map(r => r.title)
      .filter(Boolean)
      .pop(),
    severity: reports[reports.length - 1].severity,
  };
}

const described = (page: OncallPage) => ({
  triggered: minutesOf(page.triggeredAt),
  acknowledged: minutesOf(page.acknowledgedAt),
  resolved: minutesOf(page.resolvedAt),
  title: page.title,
  severity: page.severity,
});

const inTimeOrder = (page: OncallPage) => {
  const { triggered, acknowledged, resolved } = described(page);
  return (
    (acknowledged === undefined || acknowledged >= triggered!) &&
    (resolved === undefined ||
      (resolved >= triggered! && resolved >= (acknowledged ?? -Infinity)))
  );
};

const fold = (reports: OncallPage[]) => reports.reduce(mergePage);

describe('mergePage', () => {
  it('keeps time order when a later report starts after the page was resolved', () => {
    // Two records with one key in one batch, as the campaign sent them.
    const merged = mergePage(
      aReport({
        triggeredAt: '2026-03-03T10:00:00Z',
        acknowledgedAt: '2026-03-03T10:05:00Z',
        resolvedAt: '2026-03-03T10:30:00Z',
      }),
      aReport({ triggeredAt: '2026-03-03T11:00:00Z' }),
    );
    expect(merged).toMatchObject({
      triggeredAt: '2026-03-03T10:00:00Z',
      acknowledgedAt: '2026-03-03T10:05:00Z',
      resolvedAt: '2026-03-03T10:30:00Z',
    });
  });

  it('counts a page acknowledged after a reported resolution as resolved then', () => {
    const merged = mergePage(
      aReport({ resolvedAt: at(10) }),
      aReport({ acknowledgedAt: at(20) }),
    );
    expect(described(merged)).toMatchObject({ acknowledged: 20, resolved: 20 });
  });

  it('never breaks time order, whatever the reports and their order', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.array(report(), { minLength: 1, maxLength: 6 }),
          reports => inTimeOrder(fold(reports)),
        ),
      ),
    ).not.toThrow();
  });

  it('gives what the reference reads off all the reports at once, for reports that agree', () => {
    // Agreeing reports: every acknowledgement at or before minute 60, every
    // resolution at or after it.
    const agreeing = report(0, 120, 60, 60);
    fc.assert(
      fc.property(
        fc.array(agreeing, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (reports, cut) => {
          const expected = reference(reports);
          // One by one (delivery after delivery), and as two grouped halves
          // (a batch against what is stored).
          const split = 1 + (cut % reports.length);
          const grouped =
            split < reports.length
              ? mergePage(
                  fold(reports.slice(0, split)),
                  fold(reports.slice(split)),
                )
              : fold(reports);
          expect(described(fold(reports))).toEqual(expected);
          expect(described(grouped)).toEqual(expected);
        },
      ),
    );
  });

  it('gives the same times in any order, for reports that agree', () => {
    const agreeing = report(0, 120, 60, 60);
    fc.assert(
      fc.property(
        fc.array(agreeing, { minLength: 1, maxLength: 6 }),
        reports => {
          const times = (page: OncallPage) => {
            const { triggered, acknowledged, resolved } = described(page);
            return { triggered, acknowledged, resolved };
          };
          expect(times(fold([...reports].reverse()))).toEqual(
            times(fold(reports)),
          );
        },
      ),
    );
  });

  it('changes nothing when a report is delivered again', () => {
    fc.assert(
      fc.property(report(), page => {
        expect(mergePage(page, page)).toEqual(page);
      }),
    );
  });
});
