/** What environment variables may change about how the app runs. */
export interface LaunchEnvironment {
  /** The renderer's dev server (electron-vite dev): loaded and trusted instead of the built page. */
  devServerUrl: string | undefined;
  /** Tests drive the app through globalThis.mmTrayTest and a private profile. */
  testMode: boolean;
  /** Test mode's private profile folder. */
  testUserData: string | undefined;
  /** Test mode's demo feed rate (events a second). */
  testDemoRate: string | undefined;
  /** A keychain service name of the tests' own, so they never touch the user's key. */
  keychainService: string | undefined;
}

/**
 * Only a development build listens to the environment. An installed app ignores it: a
 * variable set by anyone who can start the app must not make it load and trust another
 * page (which could then set the key or trade), nor switch it into test mode. The fuses
 * already refuse NODE_OPTIONS for the same reason.
 */
export function launchEnvironment(isPackaged: boolean, env: NodeJS.ProcessEnv): LaunchEnvironment {
  if (isPackaged) {
    return {
      devServerUrl: undefined,
      testMode: false,
      testUserData: undefined,
      testDemoRate: undefined,
      keychainService: undefined,
    };
  }
  const testMode = env.MM_TRAY_TEST === '1';
  return {
    devServerUrl: env.ELECTRON_RENDERER_URL || undefined,
    testMode,
    testUserData: testMode ? env.MM_TRAY_USER_DATA || undefined : undefined,
    testDemoRate: testMode ? env.MM_TRAY_DEMO_RATE || undefined : undefined,
    keychainService: env.MM_TRAY_KEYCHAIN_SERVICE || undefined,
  };
}
