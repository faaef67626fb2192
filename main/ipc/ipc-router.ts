import type { z } from 'zod';
import { REQUEST_CHANNELS, type RequestChannel } from '../../common/ipc/channels';
import { ipcContract, type RequestOf, type ResponseOf } from '../../common/ipc/contract';
import type { IpcFailureCode, IpcResult } from '../../common/ipc/ipc-result';
import { redactSecrets } from '../../common/redact';
import type { SenderCheck } from './trusted-sender';

/** One handler per request channel; leaving one out is a type error. */
export type IpcHandlers = {
  [C in RequestChannel]: (
    request: RequestOf<C>,
    event: Electron.IpcMainInvokeEvent,
  ) => ResponseOf<C> | Promise<ResponseOf<C>>;
};

/** A request that was refused or whose handler failed, for the log. */
export interface IpcFailure {
  channel: RequestChannel;
  code: IpcFailureCode;
  /** What the renderer was told: no stack, secrets redacted. */
  message: string;
  /** What the handler threw (code 'failed' only): for the log, never for the renderer. */
  error?: unknown;
}

export interface IpcRouterOptions {
  ipcMain: Pick<Electron.IpcMain, 'handle' | 'removeHandler'>;
  handlers: IpcHandlers;
  /** Whether a page URL is the app's own (createTrustedSenderCheck). */
  isTrustedSender: SenderCheck;
  onFailure?: (failure: IpcFailure) => void;
}

const MAX_MESSAGE_CHARS = 300;

/**
 * Registers a handler for every request channel. Each request is answered with an
 * IpcResult: before its handler runs, the sender must be the top frame of the app's own
 * page and the request must pass the channel's schema; the handler then receives the
 * parsed request. Nothing a page sends can throw here or reach a handler unchecked.
 * Returns the function that removes the handlers.
 */
export function registerIpcRouter(options: IpcRouterOptions): () => void {
  for (const channel of REQUEST_CHANNELS) {
    options.ipcMain.handle(channel, (event, ...args: unknown[]) =>
      route(channel, event, args, options),
    );
  }
  return () => {
    for (const channel of REQUEST_CHANNELS) options.ipcMain.removeHandler(channel);
  };
}

async function route(
  channel: RequestChannel,
  event: Electron.IpcMainInvokeEvent,
  args: unknown[],
  options: IpcRouterOptions,
): Promise<IpcResult<unknown>> {
  const refuse = (code: IpcFailureCode, message: string, error?: unknown): IpcResult<unknown> => {
    const failure: IpcFailure = { channel, code, message: clean(message) };
    if (error !== undefined) failure.error = error;
    try {
      options.onFailure?.(failure);
    } catch {
      // A failing logger must not change the answer.
    }
    return { ok: false, code, message: failure.message };
  };

  if (!isFromTrustedPage(event, options.isTrustedSender)) {
    return refuse('untrusted-sender', `${channel} refused: not sent by the app's own page`);
  }
  if (args.length > 1) {
    return refuse('invalid-request', `${channel}: invalid request: more than one argument`);
  }
  const parsed = ipcContract[channel].request.safeParse(args[0]);
  if (!parsed.success) {
    return refuse(
      'invalid-request',
      `${channel}: invalid request: ${describeIssues(parsed.error)}`,
    );
  }
  const handler = options.handlers[channel] as (
    request: unknown,
    event: Electron.IpcMainInvokeEvent,
  ) => unknown;
  try {
    return { ok: true, value: await handler(parsed.data, event) };
  } catch (error) {
    return refuse('failed', `${channel} failed: ${describeError(error)}`, error);
  }
}

/** The sender is the top frame of a page the check trusts (a frame may be gone: refused). */
function isFromTrustedPage(event: Electron.IpcMainInvokeEvent, check: SenderCheck): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && check(frame.url);
  } catch {
    return false;
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}

function describeError(error: unknown): string {
  if (error instanceof Error && error.message !== '') return error.message;
  if (typeof error === 'string' && error !== '') return error;
  return 'unexpected error';
}

/** One line, short, with anything key-like removed. */
function clean(message: string): string {
  const line = redactSecrets(message).replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE_CHARS ? `${line.slice(0, MAX_MESSAGE_CHARS - 1)}…` : line;
}
