import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { requireBuilt } from './children';
import { cpuSource, processCpuSeconds, schedstatCpuSeconds } from './process-cpu';

export interface IdleCpuResult {
  /** CPU seconds over the window / window seconds × 100 (per cent of one core). */
  idleCpuPct: number;
  cpuSeconds: number;
  windowSeconds: number;
  /** The same from per-thread scheduler run times (ns resolution), where available. */
  schedstatCpuPct: number | null;
  cpuSource: string;
  cpuResolutionMs: number;
  /** From spawn to the first "live" status record. */
  liveAfterMs: number;
  /** Status records seen during the window (0 if the connection stayed live). */
  statusChangesInWindow: number;
  cliExitCode: number | null;
}

const LIVE_TIMEOUT_MS = 20_000;

/**
 * The real CLI (`mm-tray-cli --json`) against the load server's idle stream: its CPU time
 * over a window that starts shortly after it went live.
 */
export async function measureIdleCpu(
  cliPath: string,
  url: string,
  windowMs: number,
  settleMs: number,
): Promise<IdleCpuResult> {
  const spawnedAt = performance.now();
  // A throwaway key: the load server accepts any UUID, and it is never printed.
  const child = spawn(
    process.execPath,
    [requireBuilt(cliPath), '--json', '--url', url, '--api-key', randomUUID()],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MM_API_KEY: undefined } },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  let statusRecords = 0;
  let buffered = '';
  let markLive: () => void = () => {};
  const live = new Promise<void>((resolve) => {
    markLive = resolve;
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const record = JSON.parse(line) as { type?: string; state?: string };
      if (record.type !== 'status') continue;
      statusRecords++;
      if (record.state === 'live') markLive();
    }
  });

  try {
    await Promise.race([
      live,
      exited.then((code) => {
        throw new Error(`mm-tray-cli exited (code ${code}) before going live: ${stderr.trim()}`);
      }),
      sleep(LIVE_TIMEOUT_MS, undefined, { ref: false }).then(() => {
        throw new Error(`mm-tray-cli did not go live within ${LIVE_TIMEOUT_MS / 1000} s`);
      }),
    ]);
    const liveAfterMs = performance.now() - spawnedAt;
    await sleep(settleMs);
    const pid = child.pid!;
    const statusBefore = statusRecords;
    const cpu0 = processCpuSeconds(pid);
    const sched0 = schedstatCpuSeconds(pid);
    const t0 = performance.now();
    await sleep(windowMs);
    const cpu1 = processCpuSeconds(pid);
    const sched1 = schedstatCpuSeconds(pid);
    const windowSeconds = (performance.now() - t0) / 1000;
    const statusChangesInWindow = statusRecords - statusBefore;

    child.kill('SIGTERM');
    const cliExitCode = await Promise.race([
      exited,
      sleep(5_000, undefined, { ref: false }).then(() => null),
    ]);
    const cpuSeconds = cpu1 - cpu0;
    const { source, resolutionMs } = cpuSource();
    return {
      idleCpuPct: (cpuSeconds / windowSeconds) * 100,
      cpuSeconds,
      windowSeconds,
      schedstatCpuPct:
        sched0 === null || sched1 === null ? null : ((sched1 - sched0) / windowSeconds) * 100,
      cpuSource: source,
      cpuResolutionMs: resolutionMs,
      liveAfterMs,
      statusChangesInWindow,
      cliExitCode,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
