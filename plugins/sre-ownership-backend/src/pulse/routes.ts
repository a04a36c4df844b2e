import { RequestHandler } from 'express';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  PulseInvitation,
  sreOwnershipPulseCommentsReadPermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import { capabilityRoutes } from '../http/apiRouter';
import { pulseContract } from './pulseSpec';
import { RouteAccess } from '../http/routeAccess';
import { PulseService } from './PulseService';

/** The pulse routes; the spec has validated every parameter and body first. */
export function pulseRoutes(options: {
  pulse: PulseService;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof pulseContract>(pulseContract, router => {
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
      // The audit event says that the caller answered (or why not): its meta
      // holds nothing of the answer, the team or the period, and its time
      // says nothing of any summary, which is published only after the
      // period's answers close (docs/oncall-pulse.md).
      const recorded: PulseInvitation[] = [];
      await access.audited('pulse-answer', req, async () => {
        recorded.push(
          await pulse.answer(
            req.params.id,
            req.body,
            await access.credentials(req),
          ),
        );
        return {};
      });
      const [answered] = recorded;
      res.status(201).json({ ...answered, period: { ...answered.period } });
    });

    router.get('/teams/:namespace/:name/pulse', async (req, res) => {
      const { namespace, name } = req.params;
      const teamPulse = await pulse.getTeamPulse(
        { kind: 'Group', namespace, name },
        await access.credentials(req),
      );
      res.json({
        ...teamPulse,
        current: { ...teamPulse.current },
        previous: { ...teamPulse.previous },
        declines: teamPulse.declines.map(decline => ({ ...decline })),
      });
    });

    router.get('/teams/:namespace/:name/pulse/comments', async (req, res) => {
      const { namespace, name } = req.params;
      const team = { kind: 'Group', namespace, name };
      const credentials = await access.authorizeResource(
        req,
        sreOwnershipPulseCommentsReadPermission,
        stringifyEntityRef(team),
      );
      const comments = await pulse.getComments(team, credentials);
      res.json({ ...comments, period: { ...comments.period } });
    });
  });
}
