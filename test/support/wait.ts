/** Polls until the condition holds; fails with the description after the timeout. */
export async function waitFor(
  condition: () => boolean,
  description: string | (() => string),
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      const text = typeof description === 'string' ? description : description();
      throw new Error(`timed out waiting for: ${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
