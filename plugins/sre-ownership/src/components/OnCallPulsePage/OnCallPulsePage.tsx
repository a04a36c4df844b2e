import { Content, Header, Page } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { Route, Routes, useParams } from 'react-router-dom';
import { PulseInvitationView } from './PulseInvitationView';
import { NoInvitationState } from './PulseStates';

function InvitationRoute() {
  const { invitationId } = useParams();
  return <PulseInvitationView id={invitationId!} />;
}

/**
 * The on-call pulse page: `<mount path>/<invitation id>`, the link of a
 * pulse invitation, shows that invitation's three questions.
 *
 * @public
 */
export function OnCallPulsePage() {
  return (
    <Page themeId="tool">
      <Header
        title="On-call pulse"
        subtitle="Three questions about your last shift, answered anonymously"
      />
      <Content>
        <Grid container>
          <Grid item xs={12} md={8}>
            <Routes>
              <Route path=":invitationId" element={<InvitationRoute />} />
              <Route path="*" element={<NoInvitationState />} />
            </Routes>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
