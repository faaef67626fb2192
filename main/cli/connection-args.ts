import { checkApiKey, checkEndpoint } from '../feed/endpoint';
import { UsageError } from './args';

/**
 * The key to use: `--api-key`, else MM_API_KEY. Not MM_API_KEY in demo mode: that is a key
 * for the real service, which the built-in simulator would refuse (and should never see).
 */
export function givenApiKey(
  option: string | undefined,
  env: NodeJS.ProcessEnv,
  demo: boolean,
): string | undefined {
  return option ?? (demo ? undefined : env.MM_API_KEY);
}

/**
 * The endpoint and key every mode takes: checked before any connection is made. In demo
 * mode the simulator supplies the URL and, unless one is given, the key.
 */
export function checkConnectionArgs(args: {
  demo: boolean;
  url: string;
  urlGiven: boolean;
  apiKey: string | undefined;
}): string | undefined {
  try {
    if (args.demo && args.urlGiven)
      throw new UsageError('--demo uses the built-in simulator; drop --url');
    if (!args.demo) checkEndpoint(args.url);
    if (args.demo && args.apiKey === undefined) return undefined;
    if (args.apiKey === undefined) {
      throw new UsageError('no API key: pass --api-key or set MM_API_KEY (or try --demo)');
    }
    return checkApiKey(args.apiKey);
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}
