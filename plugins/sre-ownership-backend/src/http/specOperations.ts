/** A parameter of an operation, as far as refusals need it. */
export interface SpecParameter {
  name: string;
  in: string;
  schema?: {
    type?: unknown;
    minimum?: number;
    maximum?: number;
    items?: unknown;
  };
}

/** An operation of the contract, as far as refusals need it. */
export interface SpecOperation {
  operationId?: string;
  parameters?: readonly SpecParameter[];
  requestBody?: {
    content?: Record<string, { schema?: unknown }>;
  };
}

/** An operation a request path matched, with its raw path parameters. */
export interface MatchedOperation {
  path: string;
  operation: SpecOperation | undefined;
  /** Path parameters as sent: still percent-encoded. */
  rawParams: Record<string, string>;
}

/** The plugin's OpenAPI document, as far as refusals need it. */
export interface SpecDocument {
  paths: Readonly<Record<string, Readonly<Record<string, SpecOperation>>>>;
  components: { schemas: Readonly<Record<string, unknown>> };
}

/** Finds the operation of `doc` a request is for. */
export type OperationOf = (
  method: string,
  rawPath: string,
) => MatchedOperation | undefined;

/**
 * The operation of the contract a request is for, matched on the raw
 * (still encoded) path, so that an encoded slash or a malformed escape in
 * one segment is still found in its parameter; undefined for a path the
 * contract does not have.
 */
export function operationsOf(doc: SpecDocument): OperationOf {
  const routes = Object.entries(doc.paths)
    .map(([path, operations]) => ({
      path,
      operations,
      segments: path.split('/').filter(Boolean),
    }))
    // Literal segments first: /pulse/invitations/x/answer is not /{a}/{b}/….
    .sort(
      (a, b) =>
        a.segments.filter(s => s.startsWith('{')).length -
        b.segments.filter(s => s.startsWith('{')).length,
    );

  return (method, rawPath) => {
    const parts = rawPath.split('/').filter(Boolean);
    for (const route of routes) {
      if (route.segments.length !== parts.length) continue;
      const rawParams: Record<string, string> = {};
      const matches = route.segments.every((segment, i) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (param) rawParams[param[1]] = parts[i];
        return param !== null || segment === parts[i];
      });
      if (matches) {
        return {
          path: route.path,
          operation: route.operations[method.toLowerCase()],
          rawParams,
        };
      }
    }
    return undefined;
  };
}
