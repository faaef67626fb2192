import { createInterface } from 'node:readline/promises';

/** Asks one question on the terminal (prompt on stderr, so stdout stays the output). */
export async function askOnTerminal(question: string): Promise<string> {
  const lines = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await lines.question(question);
  } finally {
    lines.close();
  }
}
