import { InputError, NotFoundError } from '@backstage/errors';
import express from 'express';

/** The parts of a catalog client's ResponseError a caller needs. */
interface CatalogRefusal {
  name: string;
  statusCode?: number;
  cause?: { message?: string };
  body?: { error?: { message?: string } };
}

const isCatalogRefusal = (error: unknown): error is CatalogRefusal =>
  error instanceof Error &&
  error.name === 'ResponseError' &&
  [400, 404].includes((error as CatalogRefusal).statusCode ?? 0);

/** What the catalog said, rather than "Request failed with 400 Bad Request". */
const catalogWords = (error: CatalogRefusal) =>
  error.body?.error?.message ?? error.cause?.message ?? 'no reason given';

/**
 * A catalog refusal of what a read route passed on, as the refusal of the
 * request it is: `field` names the parameter that caused it when the route
 * knows (a cursor it did not give out), else the catalog's own words are
 * the message. Any other error is rethrown as it is.
 */
export function plainCatalogRefusal(error: unknown, field?: string): never {
  if (!isCatalogRefusal(error)) throw error;
  if (field) {
    throw new InputError(
      `${field}: was refused by the catalog (${catalogWords(error)})`,
    );
  }
  throw catalogRefusalAsError(error);
}

function catalogRefusalAsError(error: CatalogRefusal): Error {
  return error.statusCode === 404
    ? new NotFoundError(
        `The catalog has no such entity: ${catalogWords(error)}`,
      )
    : new InputError(`The catalog refused the request: ${catalogWords(error)}`);
}

/**
 * Answers a catalog client's 400 or 404 that a route let through with the
 * catalog's reason and the same status, instead of a relayed "Request
 * failed with 400 Bad Request".
 */
export function plainCatalogErrors(): express.ErrorRequestHandler {
  return (error, _req, _res, next) => {
    next(isCatalogRefusal(error) ? catalogRefusalAsError(error) : error);
  };
}
