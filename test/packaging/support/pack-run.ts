import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFakeCodesign, makeFakeLinuxElectron, makeFakeMacElectron } from './fake-electron';
import { openPackedApp, type PackedApp } from './packed-app';
import { runElectronBuilder } from './run-builder';
import { assertAppIsBuilt, type StagedProject, stageProject } from './staging';

export interface PackRun {
  staged: StagedProject;
  /** The unpacked app electron-builder made (linux-unpacked, or the folder holding MM Tray.app). */
  appOutDir: string;
  app: PackedApp;
  /** electron-builder's output, hooks' messages included. */
  log: string;
  /** Arguments of each `codesign` call (macOS only). */
  codesignLog: string;
  cleanup(): Promise<void>;
}

/**
 * Stages the project, then has electron-builder build the unpacked app for Linux x64 or
 * macOS arm64 with electron-builder.yml, from a stand-in Electron distribution.
 */
export async function packWithElectronBuilder(platform: 'linux' | 'mac'): Promise<PackRun> {
  assertAppIsBuilt();
  const dir = await mkdtemp(join(tmpdir(), `mm-tray-pack-${platform}-`));
  try {
    const staged = await stageProject(dir);
    const outputDir = join(dir, 'dist');
    const codesignLogFile = join(dir, 'codesign.log');
    let log: string;
    let appOutDir: string;
    let resourcesDir: string;
    if (platform === 'linux') {
      const electronDist = await makeFakeLinuxElectron(join(dir, 'electron'));
      log = await runElectronBuilder({
        projectDir: staged.projectDir,
        platform,
        arch: 'x64',
        electronDist,
        outputDir,
      });
      appOutDir = join(outputDir, 'linux-unpacked');
      resourcesDir = join(appOutDir, 'resources');
    } else {
      const electronDist = await makeFakeMacElectron(join(dir, 'electron'));
      const binDir = join(dir, 'bin');
      await makeFakeCodesign(binDir, codesignLogFile);
      log = await runElectronBuilder({
        projectDir: staged.projectDir,
        platform,
        arch: 'arm64',
        electronDist,
        outputDir,
        binDir,
      });
      appOutDir = join(outputDir, 'mac-arm64');
      resourcesDir = join(appOutDir, 'MM Tray.app/Contents/Resources');
    }
    const codesignLog = await readFile(codesignLogFile, 'utf8').catch(() => '');
    return {
      staged,
      appOutDir,
      app: openPackedApp(resourcesDir),
      log,
      codesignLog,
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
