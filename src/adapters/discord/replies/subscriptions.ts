import { countryName } from '../../../domain/advisory/i18n.js';
import { severityLabel } from '../../../domain/advisory/severity.js';
import type { RenderLang } from '../../../domain/advisory/types.js';
import type { Subscription } from '../../../domain/subscriptions/types.js';
import { messages } from '../messages.js';
import { code, embed, notice, safe, type Reply } from './format.js';

export function subscriptionLine(subscription: Subscription, lang: RenderLang): string {
  const m = messages(lang);
  const { filters, mode, target } = subscription;
  const countries = filters.countries?.length ? filters.countries.map((c) => countryName(c, lang)).join(', ') : m.allCountries;
  const line = m.subscriptionLine({
    id: code(subscription.id),
    channelId: target.kind === 'discord' ? target.channelId : '',
    countries: safe(countries),
    severity: severityLabel(filters.minSeverity, lang),
    mode: mode.kind === 'realtime' ? m.realtime : safe(m.digest(mode.cron, mode.timezone)),
    lang: subscription.lang,
    terms: safe((filters.watchTerms ?? []).join(', ')),
  });
  return subscription.enabled ? line : `${line} · ${safe(m.disabled(subscription.disabledReason ?? ''))}`;
}

export function subscribedReply(subscription: Subscription, lang: RenderLang): Reply {
  return { content: `${messages(lang).subscribed(code(subscription.id))}\n${subscriptionLine(subscription, lang)}` };
}

export function subscriptionsReply(list: readonly Subscription[], lang: RenderLang): Reply {
  const m = messages(lang);
  if (list.length === 0) return notice(m.noSubscriptions);
  return { embeds: [embed({ title: m.subscriptionsTitle(list.length), lines: list.map((s) => subscriptionLine(s, lang)), footer: m.footer, more: m.more })] };
}

export const unsubscribedReply = (subscription: Subscription, lang: RenderLang): Reply => notice(messages(lang).unsubscribed(code(subscription.id)));
