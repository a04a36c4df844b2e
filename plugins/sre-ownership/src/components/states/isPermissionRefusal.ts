/**
 * Whether the backend refused for lack of a permission: the client's
 * ResponseError carries the backend's error as its cause, with status 403.
 */
export function isPermissionRefusal(error: Error): boolean {
  if (error.name === 'NotAllowedError') return true;
  const { cause, statusCode } = error as Error & {
    cause?: { name?: string };
    statusCode?: number;
  };
  return statusCode === 403 || cause?.name === 'NotAllowedError';
}
