import type { Gap } from '../../common/domain/connection';
import { FeedEngine } from '../engine';
import { startSimulator } from '../simulator';
import type { CliOptions } from './args';
import { jsonRecord } from './json-records';
import { colours, noColours, prettyLine } from './pretty-log';

export const EXIT = { ok: 0, usage: 2, keyRefused: 3 } as const;

export interface WatchIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Resolves when the user asks to stop (SIGINT/SIGTERM). */
  stopSignal: Promise<void>;
}

/** Watches the feed until a stop signal or a refused key; resolves to the exit code. */
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

  const write = (line: string) => io.stdout.write(`${line}\n`);
  if (options.json) {
    // A gap comes just before the "live" status it belongs to, and goes out in it.
    let gap: Gap | undefined;
    engine.on('gap', (g) => {
      gap = g;
    });
    engine.on('status', (s) => {
      write(JSON.stringify(jsonRecord.status(s, gap)));
      gap = undefined;
    });
    engine.on('event', (e) => write(JSON.stringify(jsonRecord.event(e))));
    engine.on('notification', (n) => write(JSON.stringify(jsonRecord.notification(n))));
    engine.on('error', (e) => write(JSON.stringify(jsonRecord.error(e))));
  } else {
    const line = prettyLine(io.stdout.isTTY ? colours(io.stdout) : noColours);
    if (simulator) write(`DEMO: connected to the built-in simulator at ${simulator.url}`);
    engine.on('status', (s) => write(line.status(s)));
    engine.on('event', (e) => write(line.event(e)));
    engine.on('notification', (n) => write(line.notification(n)));
    engine.on('error', (e) => write(line.error(e)));
    engine.on('gap', (g) => write(line.gap(g)));
  }

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
  ]);
  await engine.stop();
  await simulator?.close();
  if (outcome === 'refused') {
    io.stderr.write(`mm-tray-cli: the server refused the API key (${refusal})\n`);
    return EXIT.keyRefused;
  }
  return EXIT.ok;
}
