/**
 * What travels back over an invoke: the handler's value, or a failure the bridge turns
 * into a rejected promise. Failures are values rather than thrown errors so the renderer
 * gets the message alone (Electron would prefix it and log a stack in main).
 */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: IpcFailureCode; message: string };

/**
 * untrusted-sender: the request did not come from the app's own page;
 * invalid-request: it failed the channel's schema; failed: the handler threw.
 */
export type IpcFailureCode = 'untrusted-sender' | 'invalid-request' | 'failed';

/** The value of a result, or an Error with the failure's message. */
export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (isIpcResult(result)) {
    if (result.ok) return result.value;
    throw new Error(result.message);
  }
  throw new Error('unexpected reply from the main process');
}

function isIpcResult(value: unknown): value is IpcResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const ok = (value as { ok?: unknown }).ok;
  return (
    ok === true || (ok === false && typeof (value as { message?: unknown }).message === 'string')
  );
}
