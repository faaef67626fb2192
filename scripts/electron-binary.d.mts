export interface InstalledElectron {
  /** The executable, or null when it is not there. */
  binary: string | null;
  /** The `electron` package's folder. */
  electronDir: string;
  /** Where the executable was looked for (the dist folder when path.txt is missing). */
  expected: string;
}

export function electronPackageDir(): string;

export function installedElectronBinary(options?: {
  env?: Readonly<Record<string, string | undefined>>;
  electronDir?: string;
}): InstalledElectron;
