import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../main/cli/args';
import { parseCommandArgs } from '../../../main/cli/commands/command-args';

const KEY = '3f2b8c1e-9d4a-4b7e-8a51-0c6d2e9fa427';

function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no usage error');
}

describe('usage errors never print a key typed in the wrong place', () => {
  it('watch mode: a key given as a stray argument', () => {
    const message = usageMessage(() => parseCliArgs([KEY], {}));
    expect(message).toMatch(/Unexpected argument/);
    expect(message).not.toContain(KEY.slice(0, 8));
  });

  it('watch mode: a key given to the wrong option', () => {
    const message = usageMessage(() => parseCliArgs(['--ping-interval', KEY], {}));
    expect(message).not.toContain(KEY.slice(0, 8));
  });

  it('a command: the key after the command word', () => {
    const message = usageMessage(() => parseCommandArgs('status', [KEY], { MM_API_KEY: KEY }));
    expect(message).toMatch(/^status: /);
    expect(message).not.toContain(KEY.slice(0, 8));
  });

  it('a command: an unknown option holding the key', () => {
    const message = usageMessage(() =>
      parseCommandArgs('status', [`--apikey=${KEY}`], { MM_API_KEY: KEY }),
    );
    expect(message).not.toContain(KEY.slice(0, 8));
  });
});
