import type { z } from 'zod';
import type { Messages } from '../messages.js';
import { feedAddedReply, feedRemovedReply, feedsReply, feedStatusReply, ruleRemovedReply, rulesReply, ruleSavedReply, testReply, whyReply } from '../replies/admin.js';
import { incidentReply, incidentsReply, statusReply } from '../replies/incidents.js';
import { problem, safe, type Reply } from '../replies/format.js';
import { subscribedReply, subscriptionsReply, unsubscribedReply } from '../replies/subscriptions.js';
import type { Failure } from '../../../domain/shared/result.js';
import type { Actor, BotServices, WhyError } from '../services.js';
import {
  feedAddSchema,
  feedRemoveSchema,
  incidentSchema,
  noOptionsSchema,
  incidentsSchema,
  ruleAddSchema,
  ruleIdSchema,
  ruleTestSchema,
  statusSchema,
  subscribeSchema,
  unsubscribeSchema,
  whySchema,
  type RawOptions,
} from './options.js';

export interface HandlerContext {
  readonly services: BotServices;
  readonly actor: Actor;
  readonly m: Messages;
}

/** What a command does once its options are valid. */
export type Prepared = { readonly ok: true; readonly run: () => Promise<Reply> } | { readonly ok: false; readonly problems: readonly string[] };

export interface Handler {
  /** Personal and admin answers are seen by the caller only. */
  readonly ephemeral: boolean;
  /** Defer at once: the work may take longer than Discord's 3 s (fetching, scoring). */
  readonly slow: boolean;
  prepare(raw: RawOptions, ctx: HandlerContext): Prepared;
}

interface HandlerSpec<S extends z.ZodType> {
  readonly schema: (ctx: HandlerContext) => S;
  readonly run: (input: z.output<S>, ctx: HandlerContext) => Promise<Reply>;
  readonly ephemeral?: boolean;
  readonly slow?: boolean;
}

function handler<S extends z.ZodType>(spec: HandlerSpec<S>): Handler {
  return {
    ephemeral: spec.ephemeral ?? false,
    slow: spec.slow ?? false,
    prepare(raw, ctx) {
      const parsed = spec.schema(ctx).safeParse(raw);
      if (!parsed.success) {
        return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `\`${issue.path.join('.')}\`: ` : ''}${safe(issue.message)}`) };
      }
      return { ok: true, run: () => spec.run(parsed.data, ctx) };
    },
  };
}

/** Why an article or a URL could not be explained or scored. */
function whyProblem(error: Failure<WhyError>, m: Messages): Reply {
  if (error.code === 'not_found') return problem(m.whyNotFound);
  if (error.code === 'fetch_failed') return problem(m.whyFetchFailed(safe(error.message)));
  return problem(m.whyInvalid(safe(error.message)));
}

function feedProblem(error: Failure, m: Messages): Reply {
  return error.code === 'not_operator' ? problem(m.operatorOnly) : problem(m.feedError(error.code, safe(error.message)));
}

/** Handlers by "command" or "command subcommand", as Discord names them in the interaction. */
export const HANDLERS: Readonly<Record<string, Handler>> = {
  status: handler({
    schema: statusSchema,
    run: async ({ country }, { services, actor }) => statusReply(await services.status(country, actor), actor.lang),
  }),
  incidents: handler({
    schema: incidentsSchema,
    run: async (query, { services, actor }) => {
      const q = query.country ? { days: query.days, country: query.country } : { days: query.days };
      return incidentsReply(await services.incidents(q, actor), q, actor.lang);
    },
  }),
  incident: handler({
    schema: ({ m }) => incidentSchema(m),
    run: async ({ id }, { services, actor, m }) => {
      const found = await services.incident(id, actor);
      return found.ok ? incidentReply(found.value, actor.lang) : problem(m.incidentNotFound(safe(id)));
    },
  }),
  subscribe: handler({
    schema: ({ m, actor }) => subscribeSchema(m, actor.lang),
    ephemeral: true,
    run: async (request, { services, actor, m }) => {
      const created = await services.subscribe(request, actor);
      if (created.ok) return subscribedReply(created.value, actor.lang);
      if (created.error.code === 'limit_reached') return problem(m.subscribeLimit);
      if (created.error.code === 'channel_not_in_guild') return problem(m.channelNotInGuild);
      return problem(`${m.invalidOptions} ${safe(created.error.message)}`);
    },
  }),
  unsubscribe: handler({
    schema: ({ m }) => unsubscribeSchema(m),
    ephemeral: true,
    run: async ({ id }, { services, actor, m }) => {
      const removed = await services.unsubscribe(id, actor);
      return removed.ok ? unsubscribedReply(removed.value, actor.lang) : problem(m.subscriptionNotFound(safe(id)));
    },
  }),
  subscriptions: handler({
    schema: noOptionsSchema,
    ephemeral: true,
    run: async (_input, { services, actor }) => subscriptionsReply(await services.subscriptions(actor.guildId, actor), actor.lang),
  }),
  'keywords add': handler({
    schema: ruleAddSchema,
    ephemeral: true,
    run: async (rule, { services, actor, m }) => {
      const saved = await services.keywords.add(rule, actor);
      if (saved.ok) return ruleSavedReply(saved.value, actor.lang);
      return saved.error.code === 'not_operator' ? problem(m.operatorOnly) : problem(`${m.invalidRule} ${safe(saved.error.message)}`);
    },
  }),
  'keywords remove': handler({
    schema: ({ m }) => ruleIdSchema(m),
    ephemeral: true,
    run: async ({ id }, { services, actor, m }) => {
      const removed = await services.keywords.remove(id, actor);
      if (removed.ok) return ruleRemovedReply(removed.value, actor.lang);
      return removed.error.code === 'not_operator' ? problem(m.operatorOnly) : problem(m.ruleNotFound(safe(id)));
    },
  }),
  'keywords list': handler({
    schema: noOptionsSchema,
    ephemeral: true,
    run: async (_input, { services, actor }) => rulesReply(await services.keywords.list(actor), actor.lang),
  }),
  'keywords test': handler({
    schema: ruleTestSchema,
    ephemeral: true,
    slow: true,
    run: async ({ text }, { services, actor, m }) => {
      const scored = await services.keywords.test(text, actor);
      return scored.ok ? testReply(scored.value, actor.lang) : whyProblem(scored.error, m);
    },
  }),
  'feeds add': handler({
    schema: ({ m }) => feedAddSchema(m),
    ephemeral: true,
    slow: true,
    run: async (feed, { services, actor, m }) => {
      const added = await services.feeds.add(feed, actor);
      return added.ok ? feedAddedReply(added.value, actor.lang) : feedProblem(added.error, m);
    },
  }),
  'feeds remove': handler({
    schema: feedRemoveSchema,
    ephemeral: true,
    run: async ({ url }, { services, actor, m }) => {
      const removed = await services.feeds.remove(url, actor);
      return removed.ok ? feedRemovedReply(removed.value, actor.lang) : feedProblem(removed.error, m);
    },
  }),
  'feeds list': handler({
    schema: noOptionsSchema,
    ephemeral: true,
    run: async (_input, { services, actor }) => feedsReply(await services.feeds.list(actor), actor.lang),
  }),
  'feeds status': handler({
    schema: noOptionsSchema,
    ephemeral: true,
    run: async (_input, { services, actor }) => feedStatusReply(await services.feeds.status(actor), actor.lang),
  }),
  why: handler({
    schema: whySchema,
    ephemeral: true,
    slow: true,
    run: async ({ input }, { services, actor, m }) => {
      const answer = await services.why(input, actor);
      return answer.ok ? whyReply(answer.value, actor.lang) : whyProblem(answer.error, m);
    },
  }),
};

