// A counting semaphore with a global limit and per-key (provider) limits, FIFO.

export class Limiter {
  private active = 0;
  private perKey = new Map<string, number>();
  private queue: { key: string; resolve: () => void }[] = [];

  constructor(
    private readonly global: number,
    private readonly perKeyLimit: (key: string) => number = () => Infinity,
  ) {
    if (!(global >= 1)) throw new Error("concurrency must be at least 1");
  }

  private canRun(key: string): boolean {
    return this.active < this.global && (this.perKey.get(key) ?? 0) < this.perKeyLimit(key);
  }

  private take(key: string): void {
    this.active++;
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
  }

  acquire(key: string): Promise<void> {
    // Waiters are woken as soon as they can run (see release), so anyone still queued is blocked by its own
    // provider's limit or by the global one; a call for a free provider may pass them.
    if (this.canRun(key)) {
      this.take(key);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push({ key, resolve }));
  }

  release(key: string): void {
    this.active--;
    this.perKey.set(key, (this.perKey.get(key) ?? 1) - 1);
    // Wake the first waiters whose key has room (a busy provider does not block the others).
    for (let i = 0; i < this.queue.length && this.active < this.global; ) {
      const w = this.queue[i]!;
      if (this.canRun(w.key)) {
        this.queue.splice(i, 1);
        this.take(w.key);
        w.resolve();
      } else i++;
    }
  }

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await fn();
    } finally {
      this.release(key);
    }
  }

  get inFlight(): number {
    return this.active;
  }
}
