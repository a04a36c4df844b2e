import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { PulseAnswer } from '@sre-ownership/plugin-sre-ownership-common';
import { spec } from '../schema/openapi';
import { RouteAccess } from '../service/routeAccess';
import { PulseService } from './PulseService';

type Router = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

/** The pulse routes; the spec has validated every parameter and body first. */
export function registerPulseRoutes(
  router: Router,
  options: { pulse: PulseService; access: RouteAccess },
) {
  const { pulse, access } = options;

  router.get('/pulse/invitations/:id', async (req, res) => {
    res.json({
      ...(await pulse.getInvitation(
        req.params.id,
        await access.credentials(req),
      )),
    });
  });

  router.post('/pulse/invitations/:id/answer', async (req, res) => {
    // The audit event names the caller and the invitation, never the answer.
    const invitation = await access.audited('pulse-answer', req, async () => {
      const answered = await pulse.answer(
        req.params.id,
        req.body as PulseAnswer,
        await access.credentials(req),
      );
      return { ...answered, period: { ...answered.period } };
    });
    res.status(201).json(invitation);
  });

  router.get('/teams/:namespace/:name/pulse', async (req, res) => {
    const { namespace, name } = req.params;
    const teamPulse = await pulse.getTeamPulse(
      { kind: 'Group', namespace, name },
      await access.credentials(req),
    );
    res.json(JSON.parse(JSON.stringify(teamPulse)));
  });

  router.get('/teams/:namespace/:name/pulse/comments', async (req, res) => {
    const { namespace, name } = req.params;
    const comments = await pulse.getComments(
      { kind: 'Group', namespace, name },
      await access.credentials(req),
    );
    res.json({ ...comments, period: { ...comments.period } });
  });
}
