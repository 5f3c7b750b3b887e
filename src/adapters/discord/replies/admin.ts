import type { AuditEntry } from '../../../app/audit.js';
import type { FeedWithHealth } from '../../../app/feeds/run-once.js';
import type { Feed } from '../../../app/feeds/ports.js';
import { formatDateTime } from '../../../domain/advisory/i18n.js';
import type { RenderLang } from '../../../domain/advisory/types.js';
import type { KeywordRule, Relevance } from '../../../domain/model.js';
import { messages } from '../messages.js';
import type { KeywordListing, WhyAnswer } from '../services.js';
import { code, embed, link, notice, safe, type Reply } from './format.js';

const SHOWN_TERMS = 12;

function ruleLine(rule: KeywordRule): string {
  const terms = rule.terms.slice(0, SHOWN_TERMS).join(', ') + (rule.terms.length > SHOWN_TERMS ? ', …' : '');
  const sign = rule.kind === 'exclude' ? '−' : '+';
  return `${code(rule.id)} ${rule.kind} ${sign}${rule.weight}: ${safe(terms)}`;
}

const SHOWN_CHANGES = 10;

function auditLine(entry: AuditEntry, lang: RenderLang): string {
  const m = messages(lang);
  return m.auditLine(safe(formatDateTime(entry.at, lang)), safe(entry.actor.tag), m.auditAction(entry.action), code(entry.subject));
}

/** The rules, then who changed them lately and when. */
export function rulesReply(listing: KeywordListing, lang: RenderLang): Reply {
  const m = messages(lang);
  const changes = { name: m.recentChanges, lines: listing.changes.slice(0, SHOWN_CHANGES).map((entry) => auditLine(entry, lang)) };
  return {
    embeds: [
      embed({
        title: m.rulesTitle(listing.rules.length),
        lines: listing.rules.length === 0 ? [m.noRules] : listing.rules.map(ruleLine),
        fields: [changes],
        footer: m.footer,
        more: m.more,
      }),
    ],
  };
}

export const ruleSavedReply = (rule: KeywordRule, lang: RenderLang): Reply => notice(`${messages(lang).ruleSaved(code(rule.id))}\n${ruleLine(rule)}`);
export const ruleRemovedReply = (rule: KeywordRule, lang: RenderLang): Reply => notice(messages(lang).ruleRemoved(code(rule.id)));

function relevanceLines(relevance: Relevance, lang: RenderLang): string[] {
  const m = messages(lang);
  const verdict = `**${m.verdict(relevance.relevant, relevance.score, relevance.threshold)}**`;
  if (relevance.hits.length === 0) return [verdict, m.noRuleFired];
  const hits = relevance.hits.map((hit) => `${code(hit.rule)} ${hit.kind} ${hit.weight < 0 ? '−' : '+'}${Math.abs(hit.weight)} · "${safe(hit.matched)}"`);
  return [verdict, ...hits];
}

export function testReply(relevance: Relevance, lang: RenderLang): Reply {
  const m = messages(lang);
  return { embeds: [embed({ title: m.testTitle, lines: relevanceLines(relevance, lang), footer: m.footer, more: m.more })] };
}

function feedLine(feed: Feed, lang: RenderLang): string {
  return `${link(feed.name, feed.url)} · ${messages(lang).feedDetails(feed.kind, feed.lang, feed.intervalMinutes)}`;
}

export function feedsReply(feeds: readonly Feed[], lang: RenderLang): Reply {
  const m = messages(lang);
  if (feeds.length === 0) return notice(m.noFeeds);
  return { embeds: [embed({ title: m.feedsTitle(feeds.length), lines: feeds.map((feed) => feedLine(feed, lang)), footer: m.footer, more: m.more })] };
}

function feedState({ feed, health }: FeedWithHealth, lang: RenderLang): string {
  const states = messages(lang).feedState;
  if (!feed.enabled) return states.disabled;
  if (!health?.lastPollAt) return states.new;
  if (health.paused) return states.paused;
  return health.lastError && health.consecutiveFailures > 0 ? states.failing : states.ok;
}

export function feedStatusReply(feeds: readonly FeedWithHealth[], lang: RenderLang): Reply {
  const m = messages(lang);
  if (feeds.length === 0) return notice(m.noFeeds);
  const lines = feeds.map((entry) => {
    const { feed, health } = entry;
    const lastSuccess = health?.lastSuccessAt ? formatDateTime(health.lastSuccessAt, lang) : m.never;
    const error = health?.lastError && health.consecutiveFailures > 0 ? ` · ${safe(`${health.lastError.code}: ${health.lastError.message}`)}` : '';
    return `${feedLine(feed, lang)}\n  ${safe(m.feedHealth(feedState(entry, lang), lastSuccess, health?.itemsSeen ?? 0))}${error}`;
  });
  return { embeds: [embed({ title: m.feedStatusTitle, lines, footer: m.footer, more: m.more })] };
}

export const feedAddedReply = (feed: Feed, lang: RenderLang): Reply => notice(`${messages(lang).feedAdded(safe(feed.name))}\n${feedLine(feed, lang)}`);
export const feedRemovedReply = (feed: Feed, lang: RenderLang): Reply => notice(messages(lang).feedRemoved(safe(feed.name)));

export function whyReply(answer: WhyAnswer, lang: RenderLang): Reply {
  const m = messages(lang);
  const { decision } = answer;
  const head = [
    link(answer.subject, answer.url),
    answer.recorded && answer.at ? m.whyRecorded(formatDateTime(answer.at, lang)) : m.whyDryRun,
    `**${m.action[decision.action]}**`,
    ...(decision.incidentId ? [m.decidedIncident(code(decision.incidentId))] : []),
  ];
  return {
    embeds: [
      embed({
        title: m.whyTitle,
        lines: head,
        fields: [
          { name: m.relevance, lines: relevanceLines(decision.relevance, lang) },
          { name: m.reasons, lines: decision.reasons.map((reason) => `${code(reason.code)} ${safe(reason.message)}`) },
        ],
        footer: m.footer,
        more: m.more,
      }),
    ],
  };
}
