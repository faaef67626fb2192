// Runs first in `npm test`: the whole suite needs Linux (a real Secret Service for the
// keychain tests, Debian's Chromium for the dashboard and whole-app tests). Elsewhere it
// says what runs there instead of failing halfway.
if (process.platform !== 'linux') {
  console.error(
    'npm test runs the whole suite on Linux (Debian or Ubuntu: it installs what it needs when run as root).\n' +
      'On this system run the parts that need no Linux desktop services: npm run test:unit, npm run test:renderer,\n' +
      'npm run test:packaging, and the Electron end-to-end specs with npm run test:electron.',
  );
  process.exit(1);
}
