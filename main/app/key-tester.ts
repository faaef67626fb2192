import type { KeyTestResult } from '../../common/ipc/contract';
import { redactSecrets } from '../../common/redact';
import { FeedConnection, type FeedConnectionOptions } from '../feed/connection';

/**
 * "Test connection" in Settings: a short-lived connection that subscribes once and
 * reports whether the server accepted the key. It holds one of the key's five
 * connections only for as long as the test lasts. The reply goes to the dashboard, so
 * whatever the server said is redacted (keys are UUIDs: redactSecrets removes them).
 */
export async function testKey(
  options: { url: string; apiKey: string; timeoutMs?: number } & Partial<FeedConnectionOptions>,
): Promise<KeyTestResult> {
  const outcome = await runTest(options);
  return { ok: outcome.ok, message: redactSecrets(outcome.message) };
}

async function runTest(
  options: { url: string; apiKey: string; timeoutMs?: number } & Partial<FeedConnectionOptions>,
): Promise<KeyTestResult> {
  let connection: FeedConnection;
  try {
    connection = new FeedConnection({ channels: ['emergency'], ...options });
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const outcome = await new Promise<KeyTestResult>((resolve) => {
    const timer = setTimeout(
      () => resolve({ ok: false, message: 'no answer from the server in time' }),
      options.timeoutMs ?? 10_000,
    );
    connection.on('status', (status) => {
      if (status.state === 'live') {
        clearTimeout(timer);
        resolve({ ok: true, message: 'the server accepted the key' });
      } else if (status.state === 'auth-failed') {
        clearTimeout(timer);
        resolve({
          ok: false,
          message: `the server refused the key: ${status.reason ?? 'no reason given'}`,
        });
      } else if (status.state === 'reconnecting' && status.reason) {
        clearTimeout(timer);
        resolve({ ok: false, message: `could not connect: ${status.reason}` });
      }
    });
    connection.start();
  });
  await connection.stop();
  return outcome;
}
