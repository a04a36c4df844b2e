import Grid from '@material-ui/core/Grid';
import { TeamBurden } from '@sre-ownership/plugin-sre-ownership-common';
import { CardSection } from '../CardSection';
import { ResponseTimesTable } from '../ResponseTimesTable';
import { WeeklyVolumeChart } from '../WeeklyVolumeChart';
import { BurdenReasons } from './BurdenStatus';
import { EngineerBurdenSection } from './EngineerBurdenSection';
import { TeamFiguresList } from './TeamFiguresList';
import { TeamPulseSection } from '../TeamPulse';

/** Everything the team burden card shows once a window with data loaded. */
export function TeamBurdenView(props: { burden: TeamBurden }) {
  const { burden } = props;
  return (
    <>
      <BurdenReasons reasons={burden.reasons} />
      <Grid container spacing={3}>
        <Grid item xs={12} md={6}>
          <CardSection title="Team">
            <TeamFiguresList burden={burden} />
          </CardSection>
        </Grid>
        <Grid item xs={12} md={6}>
          <CardSection title="On-call pulse">
            <TeamPulseSection />
          </CardSection>
        </Grid>
        <Grid item xs={12} md={6}>
          <CardSection title="Pages per week">
            <WeeklyVolumeChart weeklyVolume={burden.weeklyVolume} />
          </CardSection>
        </Grid>
        <Grid item xs={12} md={6}>
          <CardSection title="Response times">
            <ResponseTimesTable
              current={burden.current}
              previous={burden.previous}
            />
          </CardSection>
        </Grid>
        <Grid item xs={12}>
          <CardSection title="Engineers">
            <EngineerBurdenSection burden={burden} />
          </CardSection>
        </Grid>
      </Grid>
    </>
  );
}
