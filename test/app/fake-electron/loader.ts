import { pathToFileURL } from 'node:url';

type Resolve = (specifier: string, context: unknown) => Promise<{ url: string }>;

export async function resolve(specifier: string, context: unknown, next: Resolve) {
  if (specifier === 'electron') {
    return {
      url: pathToFileURL(`${import.meta.dirname}/fake-electron.js`).href,
      shortCircuit: true,
    };
  }
  return next(specifier, context);
}
