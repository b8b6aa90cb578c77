/**
 * One piece of the worker's due work on a timer of its own: it runs after `firstDelayMs`, then
 * again `intervalMs` after each run ends. Lanes never wait for each other, so a run that takes long
 * holds back only its own lane. `work` must not throw.
 */
export class WorkerLane {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly intervalMs: number,
    private readonly work: () => Promise<void>,
  ) {}

  start(firstDelayMs: number): void {
    this.schedule(firstDelayMs);
  }

  /** Schedules no further run and waits for the one in progress. */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.work().finally(() => {
        if (this.timer) this.schedule(this.intervalMs);
      });
    }, delayMs);
  }
}
