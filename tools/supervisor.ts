import { type ChildProcess, spawn } from 'node:child_process';

export interface RestartPolicy {
  /** Delay before the first restart; each further crash doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A process that stays up this long has recovered: its next crash starts again from the first delay. */
  stableAfterMs: number;
  /** How long a process has to stop after SIGTERM before it is killed. */
  stopGraceMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  stopGraceMs: 10_000,
};

/**
 * One child process kept running: before `supervise()` an exit is a failed start (reported through
 * `exitedEarly`); after it, a crash is followed by a restart with capped exponential backoff.
 *
 * Each child runs in its own process group, so a terminal's Ctrl-C reaches only the supervisor, which
 * stops the children in order, and with an IPC channel, whose closing tells the child its supervisor died.
 */
export class SupervisedProcess {
  private child: ChildProcess | null = null;
  private supervising = false;
  private stopping = false;
  private crashes = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private stableTimer: NodeJS.Timeout | null = null;
  private reportEarlyExit: (reason: Error) => void = () => {};
  /** Rejects if the process exits before `supervise()` is called. */
  readonly exitedEarly: Promise<never>;

  constructor(
    readonly name: string,
    private readonly script: string,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {
    this.exitedEarly = new Promise<never>((_, reject) => {
      this.reportEarlyExit = reject;
    });
    // Nobody may be waiting on it (e.g. a start that fails elsewhere first): do not crash the process over it.
    this.exitedEarly.catch(() => {});
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    const child = spawn(process.execPath, [this.script], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true });
    this.child = child;
    child.once('exit', (code, signal) => this.exited(child, code, signal));
    this.stableTimer = setTimeout(() => {
      this.crashes = 0;
    }, this.policy.stableAfterMs);
    this.stableTimer.unref();
  }

  /** From now on a crash is restarted rather than reported. */
  supervise(): void {
    this.supervising = true;
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.clearTimers();
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), this.policy.stopGraceMs);
    await gone;
    clearTimeout(kill);
  }

  /** Last resort when the supervisor exits without a chance to stop the children in order. */
  killNow(): void {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  private exited(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) {
    if (child !== this.child || this.stopping) return;
    this.clearTimers();
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!this.supervising) {
      this.reportEarlyExit(new Error(`The ${this.name} subgraph ${how} before it was ready.`));
      return;
    }
    const delay = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** this.crashes);
    this.crashes += 1;
    this.log(`supervisor: the ${this.name} subgraph ${how}; restarting it in ${delay} ms (crash ${this.crashes} in a row).`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping) this.start();
    }, delay);
  }

  private clearTimers() {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (this.stableTimer) clearTimeout(this.stableTimer);
    this.restartTimer = null;
    this.stableTimer = null;
  }
}
