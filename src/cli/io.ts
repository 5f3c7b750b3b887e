/** The streams and environment a command runs with: injected so that commands are testable in-process. */
export interface OutStream {
  write(chunk: string, callback?: (error?: Error | null) => void): boolean;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

export type CommandHandler = (args: readonly string[], io: CliIo) => Promise<number>;

/** Exit codes: 0 success, 1 the work failed, 2 the command line or configuration is wrong. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
