import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    } catch {
      ticksPerSecond = 100;
    }
    if (!(ticksPerSecond > 0)) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** utime + stime from /proc/<pid>/stat (every thread, live or exited), in seconds. */
function procStatSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return (utime + stime) / clockTicks();
}

/** `ps` cumulative CPU time, [[dd-]hh:]mm:ss[.cc], in seconds. */
function psSeconds(pid: number): number {
  const text = execFileSync('ps', ['-o', 'time=', '-p', String(pid)], { encoding: 'utf8' }).trim();
  const [days, clock] = text.includes('-') ? text.split('-') : ['0', text];
  const parts = (clock ?? '').split(':').map(Number);
  let seconds = 0;
  for (const part of parts) seconds = seconds * 60 + part;
  return Number(days) * 86_400 + seconds;
}

/** How CPU time was read, and how fine its steps are. */
export function cpuSource(): { source: string; resolutionMs: number } {
  if (process.platform === 'linux')
    return { source: '/proc/<pid>/stat', resolutionMs: 1000 / clockTicks() };
  return { source: 'ps -o time=', resolutionMs: process.platform === 'darwin' ? 10 : 1000 };
}

/** CPU seconds (user + system) the process has used so far. */
export function processCpuSeconds(pid: number): number {
  return process.platform === 'linux' ? procStatSeconds(pid) : psSeconds(pid);
}

/**
 * The same from the scheduler's per-thread run time (/proc/<pid>/task/<tid>/schedstat, ns),
 * far finer than clock ticks but blind to threads that exit; null where unavailable.
 */
export function schedstatCpuSeconds(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1e9;
  } catch {
    return null;
  }
}

/**
 * Nanoseconds this process's main thread has spent runnable but waiting for a CPU (the
 * second field of /proc/self/schedstat): how much other load on the machine held it back.
 * Null where unavailable.
 */
export function runQueueWaitNs(): number | null {
  if (process.platform !== 'linux') return null;
  try {
    return Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}
