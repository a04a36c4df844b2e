import {
  COVERAGE_FILTER_KEYS,
  COVERAGE_GAPS,
  PULSE_SCORE_RANGE,
} from '@sre-ownership/plugin-sre-ownership-common';
import { spec } from './openapi';

type Node = Record<string, any>;
const paths = spec.paths as unknown as Record<string, Node>;
const schemas = spec.components.schemas as unknown as Record<string, Node>;

// The contract states the rules -common holds; a rule changed there must
// change what the API accepts and answers, not leave the spec behind.
describe('the spec states the rules of -common', () => {
  it.each(['/overview/coverage', '/overview/entities', '/overview/tiers'])(
    '%s filters by exactly the coverage filter keys',
    path => {
      const names = (paths[path].get.parameters as Node[])
        .filter(p => p.in === 'query')
        .map(p => p.name);
      expect(names).toEqual(expect.arrayContaining([...COVERAGE_FILTER_KEYS]));
    },
  );

  it('counts and lists exactly the coverage gaps', () => {
    const gaps = schemas.CoverageSummary.properties.gaps;
    expect(gaps.required).toEqual([...COVERAGE_GAPS]);
    expect(Object.keys(gaps.properties)).toEqual([...COVERAGE_GAPS]);
    const gapParameter = (
      paths['/overview/entities'].get.parameters as Node[]
    ).find(p => p.name === 'gap');
    expect(gapParameter?.schema.enum).toEqual([...COVERAGE_GAPS]);
  });

  it('accepts pulse scores in the range -common states', () => {
    const body =
      paths['/pulse/invitations/{id}/answer'].post.requestBody.content[
        'application/json'
      ].schema;
    for (const score of Object.values(
      body.properties.scores.properties as Record<string, Node>,
    )) {
      expect(score).toMatchObject({
        minimum: PULSE_SCORE_RANGE.min,
        maximum: PULSE_SCORE_RANGE.max,
      });
    }
  });
});
