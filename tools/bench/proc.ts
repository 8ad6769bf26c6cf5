import fs from 'node:fs';

/*
 * What Linux says about a process, from /proc: the benchmark's CPU and memory columns. Clock ticks are 10 ms
 * (CLK_TCK 100, as on every mainstream Linux build).
 */

/** User + system CPU time of a process in milliseconds. */
export function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function statusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

export function rssMiB(pid: number): number {
  return statusKiB(pid, 'VmRSS') / 1024;
}

/** The process's peak resident set since it started, or since the last resetPeakRss. */
export function peakRssMiB(pid: number): number {
  return statusKiB(pid, 'VmHWM') / 1024;
}

/**
 * Restarts the peak-RSS watermark at the current RSS (`echo 5 > /proc/<pid>/clear_refs`, Linux 4.0+), so that the
 * next peakRssMiB is the peak of what follows. False when the kernel refuses (another user's process).
 */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
