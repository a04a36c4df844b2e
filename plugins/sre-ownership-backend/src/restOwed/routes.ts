import { RequestHandler } from 'express';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  compensationFileName,
  sreOwnershipBurdenReadPermission,
  sreOwnershipRestRecordPermission,
} from '@sre-ownership/plugin-sre-ownership-common';
import { capabilityRoutes } from '../http/apiRouter';
import { restContract } from './restOwedSpec';
import { RouteAccess } from '../http/routeAccess';
import { compensationCsv } from './compensationCsv';
import { RestService } from './RestService';

/** The period of a query the spec has validated: days, or from and to. */
const periodOf = (query: { days?: number; from?: string; to?: string }) => {
  const { days, from, to } = query;
  return { days, from, to };
};

/** The team (a Group) a route's path names. */
const teamOf = (params: { namespace: string; name: string }) => {
  const { namespace, name } = params;
  return { kind: 'Group', namespace, name };
};

/** Plain JSON of a result, for the spec's generated response types. */
const plain = <T>(value: T) => JSON.parse(JSON.stringify(value));

/**
 * The rest-owed, rest-taken and compensation routes. Every figure is
 * per person, so each route needs a permission on the team's Group.
 */
export function restRoutes(options: {
  rest: RestService;
  access: RouteAccess;
}): RequestHandler {
  return capabilityRoutes<typeof restContract>(restContract, router => {
    const { rest, access } = options;

    router.get('/teams/:namespace/:name/rest-owed', async (req, res) => {
      const team = teamOf(req.params);
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
        periodOf(req.query),
        credentials,
        mayRecord,
      );
      res.json(plain(owed));
    });

    router.post('/teams/:namespace/:name/rest-taken', async (req, res) => {
      const team = teamOf(req.params);
      const result = await access.audited(
        'rest-taken-record',
        req,
        async () => {
          const credentials = await access.authorizeResource(
            req,
            sreOwnershipRestRecordPermission,
            stringifyEntityRef(team),
          );
          const recorded = await rest.recordRestTaken(
            team,
            req.body,
            credentials,
          );
          return plain(recorded);
        },
      );
      res.status(result.created ? 201 : 200).json(result);
    });

    router.get('/teams/:namespace/:name/compensation', async (req, res) => {
      const team = teamOf(req.params);
      const credentials = await access.authorizeResource(
        req,
        sreOwnershipBurdenReadPermission,
        stringifyEntityRef(team),
      );
      const report = await rest.getCompensation(
        team,
        periodOf(req.query),
        credentials,
      );
      if (req.query.format !== 'csv') {
        res.json(plain(report));
        return;
      }
      const name = compensationFileName(team.name, report.window, 'csv');
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .setHeader('Content-Disposition', `attachment; filename="${name}"`)
        // res.send is typed by the route's JSON body; the CSV is written as
        // it is.
        .end(compensationCsv(report));
    });
  });
}
