/**
 * Calls `onGone` once the process that started this one has died, however it died (SIGKILL included).
 * Linux cannot be asked for a signal on a parent's death from Node (no `prctl(PR_SET_PDEATHSIG)`), but
 * an orphan is adopted by init or a subreaper, so a changed parent pid is the sign. A parent that was
 * already init (a service manager) never changes, and then nothing is watched.
 */
export function watchParent(onGone: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => {};
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  // Watching must not keep the process alive by itself.
  timer.unref();
  return () => clearInterval(timer);
}
