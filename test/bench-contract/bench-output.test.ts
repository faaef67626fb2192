import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const BENCH = resolve('out/cli/mm-bench.js');

/** The figures the issue names, every one a number in a run that measured everything. */
const NAMED_FIGURES = [
  'pipelineVsParseFloor',
  'pipelineVsBareWs',
  'pipelineFramesPerSec',
  'p50LatencyMs',
  'p99LatencyMs',
  'heapGrowthMb',
  'idleCpuPct',
] as const;

function runQuickBench(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--expose-gc', BENCH, '--quick'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run bench (quick)', () => {
  it('measures every figure and ends with one JSON object holding them', async () => {
    expect(existsSync(BENCH), 'out/cli/mm-bench.js: run `npm run build` first').toBe(true);
    const { code, stdout, stderr } = await runQuickBench();
    expect(code, stderr.slice(-2_000)).toBe(0);
    const lastLine = stdout.trimEnd().split('\n').at(-1) ?? '';
    const figures = JSON.parse(lastLine) as Record<string, unknown>;
    for (const name of NAMED_FIGURES) {
      expect(typeof figures[name], name).toBe('number');
      expect(Number.isFinite(figures[name]), name).toBe(true);
    }
    // The reference clients the pipeline is read against.
    for (const name of ['validateOnlyVsParseFloor', 'keepRecordsVsParseFloor']) {
      expect(typeof figures[name], name).toBe('number');
    }
    expect(figures.errors).toEqual([]);
    expect(figures.quick).toBe(true);
    expect(Object.keys(figures.targetsMet as object)).toEqual(
      expect.arrayContaining([
        'pipelineVsParseFloor',
        'p99LatencyMs',
        'heapGrowthMb',
        'idleCpuPct',
      ]),
    );
    // The table comes before it, for people.
    expect(stdout).toContain('pipeline / parse floor');
  });
});
