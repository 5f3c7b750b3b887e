import cron, { type ScheduledTask } from 'node-cron';

/**
 * A housekeeping job (retention) run once at start and then daily at a quiet hour. Runs never
 * overlap, and stop() waits for a run in progress.
 */
export class DailyJob {
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly work: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
    private readonly expression = '17 3 * * *',
  ) {}

  start(): void {
    if (this.task) return;
    this.task = cron.createTask(this.expression, () => this.run(), { name: this.name, noOverlap: true });
    void this.task.start();
    void this.run();
  }

  async stop(): Promise<void> {
    const task = this.task;
    this.task = undefined;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    await this.running;
  }

  private run(): Promise<void> {
    this.running ??= this.work()
      .catch((error: unknown) => this.onError(error))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
