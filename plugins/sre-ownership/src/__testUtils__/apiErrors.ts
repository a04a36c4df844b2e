import { ResponseError } from '@backstage/errors';

/** The error the client throws when the backend answers 500. */
export async function aServerError(message: string): Promise<Error> {
  return ResponseError.fromResponse(
    new Response(JSON.stringify({ error: { name: 'Error', message } }), {
      status: 500,
      statusText: 'Internal Server Error',
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

/** The error the client throws when a permission refuses the request (403). */
export async function aPermissionRefusal(): Promise<Error> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotAllowedError', message: 'Access denied' },
      }),
      {
        status: 403,
        statusText: 'Forbidden',
        headers: { 'Content-Type': 'application/json' },
      },
    ),
  );
}
