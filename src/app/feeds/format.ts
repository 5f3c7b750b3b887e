import type { PollReport } from './poll.js';
import type { FeedWithHealth } from './run-once.js';

/** Text for the `poll --once` and `feeds` commands. */

/** One line per feed; with `json`, the line is `{ url, ok, status, items, new_items, error }`. */
export function formatPollReport(report: PollReport, json: boolean): string {
  if (json) {
    const error = report.ok || !report.error ? null : { code: report.error.code, message: report.error.message };
    return JSON.stringify({ url: report.url, ok: report.ok, status: report.status, items: report.items, new_items: report.newItems, error });
  }
  const state = report.ok ? 'ok  ' : 'FAIL';
  const status = report.status === null ? '---' : String(report.status);
  return `${state} ${status}  ${pollSummary(report)}  ${report.name} <${report.url}>`;
}

function pollSummary(report: PollReport): string {
  if (report.error && report.error.code !== 'pipeline_error') return `${report.error.code}: ${report.error.message}${report.paused ? ' (feed paused)' : ''}`;
  if (report.notModified) return 'not modified';
  const parts = [`${report.items} items`, `${report.newItems} new`];
  if (report.duplicates > 0) parts.push(`${report.duplicates} already seen elsewhere`);
  if (report.skipped > 0) parts.push(`${report.skipped} ${report.firstPoll ? 'learnt on first poll' : 'too old'}`);
  if (report.failedItems > 0) parts.push(`${report.failedItems} rejected (${report.error?.message ?? 'pipeline error'})`);
  if (report.warnings.length > 0) parts.push(`warnings: ${report.warnings.join(', ')}`);
  return parts.join(', ');
}

export function formatFeedList(feeds: readonly FeedWithHealth[]): string {
  if (feeds.length === 0) return 'No feeds.';
  return feeds.map(formatFeed).join('\n\n');
}

function formatFeed({ feed, health }: FeedWithHealth): string {
  const state = !feed.enabled ? 'disabled' : health?.paused ? 'PAUSED' : health?.lastError && health.consecutiveFailures > 0 ? 'failing' : 'ok';
  const lines = [
    `${feed.name}  [${feed.kind}, ${feed.lang}, every ${feed.intervalMinutes} min]  ${state}`,
    `  ${feed.url}`,
    `  last success ${health?.lastSuccessAt ?? 'never'} · next poll ${health?.nextPollAt ?? 'soon'} · ${health?.itemsSeen ?? 0} items seen`,
  ];
  if (health?.lastError && health.consecutiveFailures > 0) {
    lines.push(`  last error ${health.lastError.code}: ${health.lastError.message} (${health.lastError.at}, ${health.consecutiveFailures} in a row)`);
  }
  return lines.join('\n');
}
