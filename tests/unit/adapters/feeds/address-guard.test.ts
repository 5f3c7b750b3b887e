import { describe, expect, it } from 'vitest';
import { DnsAddressGuard, type Resolver } from '../../../../src/adapters/feeds/address-guard.js';

const zone: Record<string, string[]> = {
  'news.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  'rebind.example.com': ['93.184.216.34', '10.0.0.7'],
  'metadata.example.com': ['169.254.169.254'],
  'v6local.example.com': ['::1'],
};
const resolve: Resolver = async (host) => {
  const found = zone[host];
  if (!found) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return found;
};

describe('DnsAddressGuard', () => {
  const guard = new DnsAddressGuard({ resolve });

  it('lets public hosts through when every address is public', async () => {
    expect(await guard.check(new URL('https://news.example.com/rss'))).toEqual({ ok: true, value: undefined });
    expect(await guard.check(new URL('http://8.8.8.8/feed'))).toMatchObject({ ok: true });
  });

  it('refuses a host when any of its addresses is not public', async () => {
    for (const url of ['https://rebind.example.com/', 'http://metadata.example.com/latest', 'http://v6local.example.com/', 'http://127.0.0.1:8080/', 'http://[::1]/', 'http://2130706433/', 'http://0x7f.1/']) {
      expect(await guard.check(new URL(url)), url).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    }
  });

  it('refuses other schemes and credentials, and reports resolution failures', async () => {
    expect(await guard.check(new URL('file:///etc/passwd'))).toMatchObject({ ok: false, error: { code: 'bad_url' } });
    expect(await guard.check(new URL('https://user:pw@news.example.com/'))).toMatchObject({ ok: false, error: { code: 'bad_url' } });
    expect(await guard.check(new URL('https://nowhere.example.com/'))).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringContaining('ENOTFOUND') } });
  });

  it('lets private addresses through when configured, per call, or for listed hosts', async () => {
    expect(await new DnsAddressGuard({ resolve, allowPrivate: true }).check(new URL('http://127.0.0.1/'))).toMatchObject({ ok: true });
    expect(await guard.check(new URL('http://127.0.0.1/'), { allowPrivate: true })).toMatchObject({ ok: true });
    expect(await new DnsAddressGuard({ resolve, allowHosts: ['metadata.example.com'] }).check(new URL('http://metadata.example.com/'))).toMatchObject({ ok: true });
  });
});
