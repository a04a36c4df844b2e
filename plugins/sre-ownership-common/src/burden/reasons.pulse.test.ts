import { teamFigures } from './__testUtils__/builders';
import { assessBurden } from './reasons';
import { DEFAULT_BURDEN_LIMITS } from './types';

function assessWithin(
  pulseDeclines: Parameters<typeof assessBurden>[0]['pulseDeclines'],
) {
  return assessBurden({
    team: teamFigures({ rotationSize: 4, requiredRotationSize: 4 }),
    teamRatios: {},
    engineers: [{ overLimit: [] }, { overLimit: [] }],
    limits: DEFAULT_BURDEN_LIMITS,
    period: 'in the last 28 days',
    pulseDeclines,
  });
}

describe('assessBurden with the on-call pulse', () => {
  it('puts a team within every limit at risk when its pulse fell', () => {
    const assessment = assessWithin([
      { question: 'sustainable', previous: 3.8, current: 2.6 },
      { question: 'sleep', previous: 4, current: 3 },
    ]);
    expect(assessment).toEqual({
      status: 'at-risk',
      reasons: [
        "The rotation's sustainability score fell from 3.8 to 2.6 in the on-call pulse.",
        'The sleep score fell from 4.0 to 3.0 in the on-call pulse.',
      ],
    });
  });

  it('leaves a team healthy when no pulse average fell', () => {
    expect(assessWithin([]).status).toBe('healthy');
    expect(assessWithin(undefined).status).toBe('healthy');
  });
});
