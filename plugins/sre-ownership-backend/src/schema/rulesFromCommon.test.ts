import { COVERAGE_GAPS } from '@sre-ownership/plugin-sre-ownership-common';
import { spec } from './openapi';

type Node = Record<string, any>;
const paths = spec.paths as unknown as Record<string, Node>;
const schemas = spec.components.schemas as unknown as Record<string, Node>;

// The contract states the rules -common holds; a rule changed there must
// change what the API accepts and answers, not leave the spec behind.
describe('the spec states the rules of -common', () => {
  it('counts and lists exactly the coverage gaps', () => {
    const gaps = schemas.CoverageSummary.properties.gaps;
    expect(gaps.required).toEqual([...COVERAGE_GAPS]);
    expect(Object.keys(gaps.properties)).toEqual([...COVERAGE_GAPS]);
    const gapParameter = (
      paths['/overview/entities'].get.parameters as Node[]
    ).find(p => p.name === 'gap');
    expect(gapParameter?.schema.enum).toEqual([...COVERAGE_GAPS]);
  });
});
