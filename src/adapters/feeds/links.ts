/**
 * Item links made absolute and canonical: the same article reached through two feeds should carry
 * the same URL, so campaign parameters and fragments go.
 */

const TRACKING = /^(utm_.*|fbclid|gclid|dclid|yclid|msclkid|mc_cid|mc_eid|igshid|_ga|ocid|cmpid|xtor|at_.*|ns_.*)$/i;

/** Absolute http(s) URL of `raw` against `base`, without fragment and tracking parameters. */
export function canonicalLink(raw: string | undefined, base: string | undefined): string | undefined {
  const text = raw?.replace(/\s+/g, '');
  if (!text) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(text) : new URL(text, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const direct = googleRedirectTarget(url);
  if (direct) return canonicalLink(direct, undefined);
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING.test(key) || (isGoogleNews(url) && key === 'oc')) url.searchParams.delete(key);
  }
  return url.href;
}

export function isGoogleNews(url: URL | string): boolean {
  const host = typeof url === 'string' ? safeHost(url) : url.hostname;
  return host === 'news.google.com';
}

function safeHost(text: string): string | undefined {
  try {
    return new URL(text).hostname;
  } catch {
    return undefined;
  }
}

/** Google News before 2018 and Google Alerts link through news.google.com/news/url or google.com/url?url=<article>. */
function googleRedirectTarget(url: URL): string | undefined {
  const redirect = (isGoogleNews(url) && url.pathname.startsWith('/news/url')) || (url.hostname === 'www.google.com' && url.pathname === '/url');
  if (!redirect) return undefined;
  const target = url.searchParams.get('url');
  return target && /^https?:\/\//i.test(target) ? target : undefined;
}

/** True for text that can only be a link (absolute URL or root-relative path). */
export function looksLikeLink(text: string | undefined): boolean {
  return text !== undefined && /^(https?:\/\/|\/[^/])/i.test(text.trim());
}
