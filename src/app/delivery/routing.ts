import type { RenderedMessage } from '../../domain/advisory/rendered.js';
import type { DeliveryTarget } from '../../domain/subscriptions/types.js';
import { sendFailure, type DeliverySink, type SendOptions } from './ports.js';

/** One sink per kind of target; a target with no sink is a bad request, not a crash. */
export function routingSink(sinks: Partial<Record<DeliveryTarget['kind'], DeliverySink>>): DeliverySink {
  return {
    send(target: DeliveryTarget, message: RenderedMessage, options: SendOptions) {
      const sink = sinks[target.kind];
      if (!sink) return Promise.resolve(sendFailure('bad_request', `no sink is configured for ${target.kind} targets`));
      return sink.send(target, message, options);
    },
  };
}
