import type { Writable } from 'node:stream';
import type { ErrorRecord } from '../../common/domain/events';
import { redactSecrets } from '../../common/redact';
import { FeedEngine } from '../engine';
import { RestClient } from '../rest/rest-client';
import { startSimulator } from '../simulator';
import type { CliOptions } from './args';
import { readEmergencyOnLive } from './emergency-on-live';
import { LineOutput } from './line-output';
import { colours, noColours } from './pretty-log';
import { writeRecords } from './record-writer';

export const EXIT = { ok: 0, outputFailed: 1, usage: 2, keyRefused: 3 } as const;

export interface WatchIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM). Stdout failing stops it too. */
  stopSignal: Promise<void>;
}

/** Watches the feed until a stop signal, a refused key or stdout failing; resolves to the exit code. */
export async function watch(options: CliOptions, io: WatchIo): Promise<number> {
  const simulator = options.demo
    ? await startSimulator({
        scenario: { eventsPerSecond: 4, autoStart: true, seed: Date.now() % 100_000 },
      })
    : null;
  const url = simulator?.url ?? options.url;
  const apiKey = options.apiKey ?? simulator?.demoKey;
  if (apiKey === undefined) throw new Error('no API key');

  const engine = new FeedEngine({
    url,
    apiKey,
    channels: options.channels,
    pingIntervalMs: options.pingIntervalMs,
    pongTimeoutMs: options.pongTimeoutMs,
    policy: { hedgeGraceMs: options.hedgeGraceMs },
  });

  const output = new LineOutput(io.stdout);
  const write = (line: string) => output.write(line);
  let writeError: (error: ErrorRecord) => void;
  if (options.json) {
    writeError = writeRecords(engine, write, { format: 'json' });
  } else {
    const paint = io.stdout.isTTY ? colours(io.stdout as NodeJS.WriteStream) : noColours;
    if (simulator) write(`DEMO: connected to the built-in simulator at ${simulator.url}`);
    writeError = writeRecords(engine, write, { format: paint });
  }
  const rest = new RestClient({ url, apiKey });
  const restReads = new AbortController();
  readEmergencyOnLive(
    engine,
    () => rest.tradingStatus({ signal: restReads.signal }),
    (message) => {
      if (restReads.signal.aborted) return;
      writeError({ message: redactSecrets(message), at: Date.now(), source: 'rest' });
    },
  );

  let refusal = '';
  const refused = new Promise<void>((resolve) => {
    engine.on('status', (s) => {
      if (s.state !== 'auth-failed') return;
      refusal = s.reason ?? 'no reason given';
      resolve();
    });
  });

  engine.start();
  const outcome = await Promise.race([
    io.stopSignal.then(() => 'stop' as const),
    refused.then(() => 'refused' as const),
    output.ended,
  ]);
  await engine.stop();
  restReads.abort();
  await simulator?.close();
  if (outcome === 'refused') {
    io.stderr.write(`mm-tray-cli: the server refused the API key (${refusal})\n`);
    return EXIT.keyRefused;
  }
  if (outcome !== 'stop' && outcome.kind === 'failed') {
    io.stderr.write(`mm-tray-cli: could not write to stdout (${outcome.message}); stopped\n`);
    return EXIT.outputFailed;
  }
  // Stopped by a signal, or the reader went away (`| head -1`): both a normal end.
  return EXIT.ok;
}
