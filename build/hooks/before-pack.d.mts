import type { BeforePackContext } from 'electron-builder';

export interface BeforePackDeps {
  /** Read, and written to (CSC_IDENTITY_AUTO_DISCOVERY) when there is nothing to sign with. */
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
}

export default function beforePack(
  context: Pick<BeforePackContext, 'electronPlatformName'>,
  deps?: BeforePackDeps,
): Promise<void>;
