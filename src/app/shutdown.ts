/** One step of an orderly stop: stop scheduling first, close the store last. */
export interface ShutdownStep {
  readonly name: string;
  run(): Promise<void>;
}

export interface ShutdownReport {
  readonly completed: readonly string[];
  readonly failed: ReadonlyArray<{ name: string; error: string }>;
  readonly timedOut: readonly string[];
}

/**
 * Runs the steps in order, each given what is left of the overall budget, so that the process
 * always exits within the bound even when one step hangs (a stuck socket, a slow disk).
 */
export async function runShutdown(
  steps: readonly ShutdownStep[],
  budgetMs: number,
  timers: { now(): number; sleep(ms: number): Promise<void> },
): Promise<ShutdownReport> {
  const deadline = timers.now() + budgetMs;
  const completed: string[] = [];
  const failed: Array<{ name: string; error: string }> = [];
  const timedOut: string[] = [];
  for (const step of steps) {
    const left = deadline - timers.now();
    if (left <= 0) {
      timedOut.push(step.name);
      continue;
    }
    const outcome = await Promise.race([
      step.run().then(() => 'done' as const, (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) })),
      timers.sleep(left).then(() => 'timeout' as const),
    ]);
    if (outcome === 'done') completed.push(step.name);
    else if (outcome === 'timeout') timedOut.push(step.name);
    else failed.push({ name: step.name, error: outcome.error });
  }
  return { completed, failed, timedOut };
}
