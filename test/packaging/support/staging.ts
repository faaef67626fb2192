import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { ROOT } from './paths';

/** What the packaging tests need from `npm run build` (and `npm run icons`, part of it). */
const BUILT = [
  'out/main/index.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
  'build/icons/generated/app/png/256x256.png',
  'build/icons/generated/tray',
];

export function assertAppIsBuilt(projectDir = ROOT): void {
  const missing = BUILT.filter((file) => !existsSync(join(projectDir, file)));
  if (missing.length > 0) {
    throw new Error(
      `the built app is missing (${missing.join(', ')}): run \`npm run build\` before the packaging tests`,
    );
  }
}

/** Never copied: installed packages (linked instead), history, toolchains, earlier outputs. */
const NOT_STAGED = new Set([
  'node_modules',
  '.git',
  '.toolchain',
  '.cache',
  'dist',
  'coverage',
  'test-results',
  'playwright-report',
]);

/**
 * Files a careless packaging rule would sweep into the app, each holding the same fresh
 * fake key: secrets beside the project, source maps and sources beside the bundles, tests,
 * the CLI and the test harness.
 */
function decoyFiles(key: string): Record<string, string> {
  const sourceMap = JSON.stringify({
    version: 3,
    sources: ['../../main/index.ts'],
    sourcesContent: [`export const apiKey = '${key}';`],
    mappings: '',
  });
  return {
    '.env': `MM_API_KEY=${key}\n`,
    '.env.local': `MM_API_KEY=${key}\n`,
    '.npmrc': `//registry.npmjs.org/:_authToken=${key}\n`,
    'settings.json': JSON.stringify({ apiKey: key }),
    'out/main/settings.json': JSON.stringify({ apiKey: key }),
    'out/main/logs/main.log': `connected with ${key}\n`,
    'out/preload/.env': `MM_API_KEY=${key}\n`,
    'out/main/index.js.map': sourceMap,
    'out/preload/index.cjs.map': sourceMap,
    'out/renderer/assets/index.js.map': sourceMap,
    'out/main/leftover.ts': `export const apiKey = '${key}';\n`,
    'out/main/index.test.js': `it('uses ${key}', () => {});\n`,
    'out/main/__tests__/fixture.js': `export default '${key}';\n`,
    'out/cli/mm-tray-cli.js': `// ${key}\n`,
    'out/harness/fake-electron.js': `// ${key}\n`,
    'test/packaging-decoy.test.ts': `it('uses ${key}', () => {});\n`,
  };
}

export interface StagedProject {
  projectDir: string;
  /** The fake key in every decoy: it must appear nowhere in a packaged app. */
  decoyKey: string;
  decoys: string[];
}

/**
 * A copy of the project (with its node_modules linked, not copied) in `dir`, plus decoys.
 * The packaging runs work on the copy: the decoys stay out of the real tree, and a build
 * running elsewhere meanwhile cannot change the files under test.
 */
export async function stageProject(dir: string): Promise<StagedProject> {
  const projectDir = join(dir, 'project');
  await cp(ROOT, projectDir, {
    recursive: true,
    filter: (source) => !NOT_STAGED.has(relative(ROOT, source).split(sep)[0] ?? ''),
  });
  await symlink(join(ROOT, 'node_modules'), join(projectDir, 'node_modules'), 'dir');
  const decoyKey = randomUUID();
  const decoys = decoyFiles(decoyKey);
  for (const [file, content] of Object.entries(decoys)) {
    await mkdir(dirname(join(projectDir, file)), { recursive: true });
    await writeFile(join(projectDir, file), content);
  }
  return { projectDir, decoyKey, decoys: Object.keys(decoys) };
}
