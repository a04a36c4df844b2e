import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  sreOwnershipBurdenReadPermission,
  sreOwnershipRestRecordPermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import { spec } from '../schema/openapi';
import { RouteAccess } from '../http/routeAccess';
import { compensationCsv } from './compensationCsv';
import { RestService, RestTakenRequest } from './RestService';

type Router = ReturnType<typeof createValidatedOpenApiRouter<typeof spec>>;

/** A period query as the spec has validated it. */
interface PeriodQuery {
  days?: number;
  from?: string;
  to?: string;
  format?: 'json' | 'csv';
}

const periodOf = (req: { query: unknown }) => {
  const { days, from, to } = req.query as PeriodQuery;
  return { days, from, to };
};

const teamOf = (req: { params: unknown }) => {
  const { namespace, name } = req.params as { namespace: string; name: string };
  return { kind: 'Group', namespace, name };
};

/** Plain JSON of a result, for the spec's generated response types. */
const plain = <T>(value: T) => JSON.parse(JSON.stringify(value));

/**
 * The rest-owed, rest-taken and compensation routes. Every figure is
 * per person, so each route needs a permission on the team's Group.
 */
export function registerRestRoutes(
  router: Router,
  options: { rest: RestService; access: RouteAccess },
) {
  const { rest, access } = options;

  router.get('/teams/:namespace/:name/rest-owed', async (req, res) => {
    const team = teamOf(req);
    const credentials = await access.authorizeResource(
      req,
      sreOwnershipBurdenReadPermission,
      stringifyEntityRef(team),
    );
    const mayRecord = await access
      .authorizeResource(
        req,
        sreOwnershipRestRecordPermission,
        stringifyEntityRef(team),
      )
      .then(
        () => true,
        error =>
          error?.name === 'NotAllowedError' ? false : Promise.reject(error),
      );
    const owed = await rest.getRestOwed(
      team,
      periodOf(req),
      credentials,
      mayRecord,
    );
    res.json(plain(owed));
  });

  router.post('/teams/:namespace/:name/rest-taken', async (req, res) => {
    const team = teamOf(req);
    const result = await access.audited('rest-taken-record', req, async () => {
      const credentials = await access.authorizeResource(
        req,
        sreOwnershipRestRecordPermission,
        stringifyEntityRef(team),
      );
      const recorded = await rest.recordRestTaken(
        team,
        req.body as RestTakenRequest,
        credentials,
      );
      return plain(recorded);
    });
    res.status(result.created ? 201 : 200).json(result);
  });

  router.get('/teams/:namespace/:name/compensation', async (req, res) => {
    const team = teamOf(req);
    const credentials = await access.authorizeResource(
      req,
      sreOwnershipBurdenReadPermission,
      stringifyEntityRef(team),
    );
    const report = await rest.getCompensation(team, periodOf(req), credentials);
    if ((req.query as PeriodQuery).format !== 'csv') {
      res.json(plain(report));
      return;
    }
    const name = `compensation-${team.name.replace(
      /[^\w.-]/g,
      '-',
    )}-${report.window.from.slice(0, 10)}-${report.window.to.slice(0, 10)}.csv`;
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${name}"`)
      // The spec types this route's body as its JSON form only.
      .send(
        compensationCsv(report) as unknown as Parameters<typeof res.send>[0],
      );
  });
}
