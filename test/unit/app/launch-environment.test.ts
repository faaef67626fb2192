import { describe, expect, it } from 'vitest';
import { launchEnvironment } from '../../../main/app/launch-environment';

const ENV = {
  ELECTRON_RENDERER_URL: 'https://attacker.example/',
  MM_TRAY_TEST: '1',
  MM_TRAY_USER_DATA: '/tmp/profile',
  MM_TRAY_DEMO_RATE: '50',
  MM_TRAY_KEYCHAIN_SERVICE: 'MM Tray Test',
};

describe('launchEnvironment', () => {
  it('ignores the environment in an installed app: no other page, no test mode', () => {
    expect(launchEnvironment(true, ENV)).toEqual({
      devServerUrl: undefined,
      testMode: false,
      testUserData: undefined,
      testDemoRate: undefined,
      keychainService: undefined,
    });
  });

  it('lets a development build use the dev server and test mode', () => {
    expect(launchEnvironment(false, ENV)).toEqual({
      devServerUrl: 'https://attacker.example/',
      testMode: true,
      testUserData: '/tmp/profile',
      testDemoRate: '50',
      keychainService: 'MM Tray Test',
    });
  });

  it('keeps the test-only settings for test mode', () => {
    const { MM_TRAY_TEST: _, ...notTesting } = ENV;
    expect(launchEnvironment(false, notTesting)).toMatchObject({
      testMode: false,
      testUserData: undefined,
      testDemoRate: undefined,
    });
  });
});
