import type { Gap } from '../../common/domain/connection';
import type { ErrorRecord } from '../../common/domain/events';
import { redactSecrets } from '../../common/redact';
import type { FeedEngine } from '../engine';
import { jsonRecord } from './json-records';
import { type Paint, prettyLine } from './pretty-log';

type EngineEvents = Pick<FeedEngine, 'on'>;

export interface RecordWriterOptions {
  /** NDJSON records; otherwise the readable log, painted with this. */
  format: 'json' | Paint;
  now?: () => number;
}

/**
 * Writes every status, event, notification, error and gap the engine emits as one line;
 * returns the function that writes an error from elsewhere (a REST read) the same way.
 * A record that cannot be rendered (a valid frame nested too deep for JSON.stringify's
 * stack) becomes an error line saying so: a listener's exception would only reach the
 * emitter's console report, and the record would be missing from the output unexplained.
 */
export function writeRecords(
  engine: EngineEvents,
  write: (line: string) => void,
  options: RecordWriterOptions,
): (error: ErrorRecord) => void {
  const now = options.now ?? Date.now;
  const { format } = options;
  const errorLine =
    format === 'json'
      ? (error: ErrorRecord) => JSON.stringify(jsonRecord.error(error))
      : prettyLine(format).error;
  const emit = (what: string, render: () => string) => {
    let line: string;
    try {
      line = render();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      line = errorLine({
        message: redactSecrets(`could not write ${what}: ${reason}`),
        at: now(),
        source: 'bad-frame',
      });
    }
    write(line);
  };

  if (format === 'json') {
    // A gap comes just before the "live" status it belongs to, and goes out in it.
    let gap: Gap | undefined;
    engine.on('gap', (g) => {
      gap = g;
    });
    engine.on('status', (s) => {
      const withGap = gap;
      gap = undefined;
      emit('status', () => JSON.stringify(jsonRecord.status(s, withGap)));
    });
    engine.on('event', (e) =>
      emit(`event seq ${e.seq}`, () => JSON.stringify(jsonRecord.event(e))),
    );
    engine.on('notification', (n) =>
      emit('notification', () => JSON.stringify(jsonRecord.notification(n))),
    );
    const writeError = (e: ErrorRecord) => emit('error', () => JSON.stringify(jsonRecord.error(e)));
    engine.on('error', writeError);
    return writeError;
  }
  const line = prettyLine(format);
  engine.on('status', (s) => emit('status', () => line.status(s)));
  engine.on('event', (e) => emit(`event seq ${e.seq}`, () => line.event(e)));
  engine.on('notification', (n) => emit('notification', () => line.notification(n)));
  const writeError = (e: ErrorRecord) => emit('error', () => line.error(e));
  engine.on('error', writeError);
  engine.on('gap', (g) => emit('gap', () => line.gap(g)));
  return writeError;
}
