import type { NotaryToolCredentials } from '@electron/notarize/lib/types';

export type MacSigningPlan =
  | { sign: true; source: 'CSC_LINK' | 'CSC_NAME' | 'keychain' }
  | { sign: false; reason: string };

export type NotarizeCredentials =
  | { kind: 'apple-id' | 'api-key' | 'keychain-profile'; credentials: NotaryToolCredentials }
  | { kind: 'none'; reason: string };

export type Env = Readonly<Record<string, string | undefined>>;

export function macSigningPlan(env: Env): MacSigningPlan;
/** Throws on an incomplete credential set. */
export function notarizeCredentials(env: Env): NotarizeCredentials;
