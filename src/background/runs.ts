// Long work of this process that outlives the request which asked for it (matching runs,
// 政策找人 runs): each run is a row of its own table that the work updates chunk by chunk,
// so progress is visible and a run stopped by a restart resumes from its last whole chunk.
// This class only starts, tracks, stops and resumes; what a run does is the caller's.
import { hostname } from 'node:os';

/** Who is working on a run: written into the run's row so that another process can tell. */
export const THIS_WORKER = `${hostname()}:${process.pid}`;

/** Thrown by a run's work when the process stops it; the run stays resumable. */
export class RunInterrupted extends Error {}

export interface StrandedRun {
  id: string;
  /** The worker that last took the run, or null while it is queued. */
  worker: string | null;
  /** When that worker last showed progress, for runs a worker on another machine took. */
  heartbeatAt?: Date | string | null;
}

/** A worker on another machine counts as dead when it has shown no progress for this long. */
const REMOTE_STALE_MS = 10 * 60 * 1000;

export class BackgroundRuns {
  readonly #running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(
    /** What the run does; it must throw RunInterrupted (and stop) once `signal` is aborted. */
    private readonly work: (id: string, signal: AbortSignal) => Promise<unknown>,
    /** The runs left queued or running (by this or any process). */
    private readonly unfinished: () => Promise<StrandedRun[]>,
    /** Says what went wrong with a run (its row already says it for users). */
    private readonly log: (msg: string, err?: unknown) => void,
    /** The name of a run in log lines, e.g. 匹配批次. */
    private readonly label: string,
  ) {}

  start(id: string): void {
    if (this.#running.has(id)) return;
    const abort = new AbortController();
    const done = this.work(id, abort.signal)
      .then(
        () => {},
        (e) => this.log(`${this.label} #${id} 未完成：${(e as Error).message}`, e),
      )
      .finally(() => this.#running.delete(id));
    this.#running.set(id, { abort, done });
  }

  /** Runs left queued or running by a process that stopped (this host only; others' are left to them). */
  async resumeStranded(): Promise<string[]> {
    const mine = (await this.unfinished()).filter(
      (r) => !this.#running.has(r.id) && (r.worker === THIS_WORKER || !otherWorkerAlive(r.worker, r.heartbeatAt)),
    );
    for (const r of mine) this.start(r.id);
    return mine.map((r) => r.id);
  }

  isRunning(id: string): boolean {
    return this.#running.has(id);
  }

  /** Resolves when the run (if this process runs it) has finished, failed or stopped. */
  async settled(id: string): Promise<void> {
    await this.#running.get(id)?.done;
  }

  async stop(): Promise<void> {
    for (const j of this.#running.values()) j.abort.abort();
    await Promise.all([...this.#running.values()].map((j) => j.done));
  }
}

/**
 * Is the worker recorded on a run, other than this process, still alive? A process of this
 * host is asked directly; one on another machine counts as alive while it shows progress
 * (without a heartbeat, its runs are left to it).
 */
export function otherWorkerAlive(worker: string | null, heartbeatAt?: Date | string | null): boolean {
  if (worker === null) return false;
  const [host, pid] = worker.split(':');
  if (host === hostname()) {
    if (Number(pid) === process.pid) return false; // this process, which does not run it
    try {
      process.kill(Number(pid), 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  if (heartbeatAt === undefined) return true;
  const beat = heartbeatAt ? new Date(heartbeatAt).getTime() : 0;
  return Date.now() - beat < REMOTE_STALE_MS;
}
