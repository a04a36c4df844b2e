import {
  SloIndicator,
  SloQuery,
} from '@sre-ownership/plugin-sre-ownership-common';
import { countOverWindow, readingQueries } from './sloQueries';

const query = (text: string, form: SloQuery['form']): SloQuery => ({
  query: text,
  form,
  field: 'spec.indicator.spec.thresholdMetric.metricSource.spec.query',
});

const threshold = (
  op: 'lt' | 'lte' | 'gt' | 'gte',
  q = query('p99_seconds', 'selector'),
): SloIndicator => ({
  metric: 'threshold',
  name: 'latency',
  query: q,
  op,
  value: 0.3,
});

describe('countOverWindow', () => {
  it('counts a selector with increase, an expression through a subquery, and fills {{.window}}', () => {
    expect(countOverWindow(query('x_total{a="b"}', 'selector'), '1d')).toBe(
      'sum(increase(x_total{a="b"}[1d]))',
    );
    expect(countOverWindow(query('sum(x_total)', 'expression'), '1d')).toBe(
      'sum(increase((sum(x_total))[1d:1m]))',
    );
    expect(
      countOverWindow(query('sum(rate(x[{{ .window }}]))', 'template'), '5m'),
    ).toBe('sum(sum(rate(x[5m])))');
  });
});

describe('readingQueries', () => {
  it.each([
    ['lt', '<'],
    ['lte', '<='],
    ['gt', '>'],
    ['gte', '>='],
  ] as const)('reads a threshold %s as the series meeting %s', (op, sign) => {
    expect(readingQueries(threshold(op), '1m')).toEqual({
      counted: `count((p99_seconds) ${sign} 0.3)`,
      countsBad: false,
      total: 'count(p99_seconds)',
    });
  });

  it('gives {{.window}} in a threshold query the length of the step', () => {
    const histogram = query(
      'histogram_quantile(0.99, sum by (le) (rate(d_bucket[{{.window}}])))',
      'template',
    );
    expect(readingQueries(threshold('lt', histogram), '5m').total).toBe(
      'count(histogram_quantile(0.99, sum by (le) (rate(d_bucket[5m]))))',
    );
  });

  it('sums gauges, and reads a raw ratio of failures as bad', () => {
    expect(
      readingQueries(
        {
          metric: 'ratio',
          name: 'queue',
          counter: false,
          bad: query('queue_failed', 'selector'),
          total: query('queue_all', 'selector'),
        },
        '1m',
      ),
    ).toEqual({
      counted: 'sum(queue_failed)',
      countsBad: true,
      total: 'sum(queue_all)',
    });
    expect(
      readingQueries(
        {
          metric: 'raw',
          name: 'wifi',
          ratio: query('error_ratio', 'selector'),
          rawType: 'failure',
        },
        '1m',
      ),
    ).toEqual({ counted: 'avg(error_ratio)', countsBad: true });
  });
});
