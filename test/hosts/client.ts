import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Host } from './network';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface GraphQLAnswer extends Answer {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Sends the test's requests from the client host (client-process.js inside its namespace), so they cross the delayed
 * links like a real client's. Every request has a deadline; a transport failure rejects with its cause.
 */
export class HostClient {
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>();
  private next = 0;

  constructor(host: Host) {
    this.child = spawn('ip', ['netns', 'exec', host.namespace, process.execPath, path.join(__dirname, 'client-process.js')], {
      stdio: ['pipe', 'pipe', 'inherit'],
      detached: true,
    });
    readline.createInterface({ input: this.child.stdout! }).on('line', (line) => {
      const answer = JSON.parse(line) as Answer & { id: number; error?: string };
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.error) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer);
    });
    this.child.once('exit', () => {
      for (const waiting of this.pending.values()) waiting.reject(new Error('the client host process exited'));
      this.pending.clear();
    });
  }

  request(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown; timeoutMs: number }): Promise<Answer> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, url, ...options })}\n`);
    });
  }

  async graphql(
    url: string,
    query: string,
    variables: Record<string, unknown> = {},
    options: { headers?: Record<string, string>; timeoutMs: number },
  ): Promise<GraphQLAnswer> {
    const answer = await this.request(url, { body: { query, variables }, headers: options.headers, timeoutMs: options.timeoutMs });
    const parsed = JSON.parse(answer.body) as Pick<GraphQLAnswer, 'data' | 'errors'>;
    return { ...answer, data: parsed.data, errors: parsed.errors };
  }

  close(): void {
    this.child.stdin?.end();
    if (this.child.pid && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}
