import type { RenderedMessage } from '../../domain/advisory/rendered.js';
import { ok } from '../../domain/shared/result.js';
import type { DeliveryTarget } from '../../domain/subscriptions/types.js';
import { sendFailure, type DeliverySink, type SendOptions } from '../../app/delivery/ports.js';

/** The part of a writable stream the sink needs (process.stdout, a file stream, a test buffer). */
export interface TextOutput {
  write(chunk: string, callback: (error?: Error | null) => void): boolean;
}

export type ConsoleFormat = 'text' | 'json';

export interface ConsoleSinkOptions {
  readonly output: TextOutput;
  readonly format: ConsoleFormat;
}

const RULE = '─'.repeat(72);

function formatMessage(message: RenderedMessage, format: ConsoleFormat, options: SendOptions): string {
  if (format === 'text') return `${RULE}\n${message.text}\n`;
  return `${JSON.stringify({
    incident_id: message.incidentId ?? null,
    status: message.tag,
    severity: message.severity ?? null,
    title: message.title,
    text: message.text,
    sources: message.sources,
    idempotency_key: options.idempotencyKey,
  })}\n`;
}

/**
 * Prints deliveries for console targets: the advisory text, or one JSON line per message. The
 * message id is the idempotency key, so a retried print is recognisable in the output.
 */
export function consoleSink(options: ConsoleSinkOptions): DeliverySink {
  return {
    send(target: DeliveryTarget, message: RenderedMessage, sendOptions: SendOptions) {
      if (target.kind !== 'console') {
        return Promise.resolve(sendFailure('bad_request', `the console sink cannot deliver to ${target.kind} targets`));
      }
      const chunk = formatMessage(message, options.format, sendOptions);
      return new Promise((resolve) => {
        options.output.write(chunk, (error) => {
          resolve(error ? sendFailure('network', `console write failed: ${error.message}`) : ok({ messageId: sendOptions.idempotencyKey }));
        });
      });
    },
  };
}
