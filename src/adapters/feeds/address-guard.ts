import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { err, ok, type Result } from '../../domain/shared/result.js';
import type { AddressGuard, FeedErrorCode } from '../../app/feeds/ports.js';
import { classifyAddress } from './ip-ranges.js';

export type Resolver = (hostname: string) => Promise<string[]>;

export interface DnsAddressGuardOptions {
  /** Lets every address through (tests on 127.0.0.1, private deployments). */
  readonly allowPrivate?: boolean;
  /** Host names or IP literals let through whatever they resolve to. */
  readonly allowHosts?: readonly string[];
  /** Name resolution; node:dns lookup (all addresses) by default. */
  readonly resolve?: Resolver;
}

const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Refuses feed URLs whose host is, or resolves to, a loopback, private, CGNAT, link-local, metadata,
 * unique-local or otherwise non-public address: a feed URL given by an admin must not become a way
 * into the bot's own network. Every address of the host is checked, IPv4 and IPv6 alike.
 */
export class DnsAddressGuard implements AddressGuard {
  private readonly allowHosts: ReadonlySet<string>;
  private readonly resolve: Resolver;

  constructor(private readonly options: DnsAddressGuardOptions = {}) {
    this.allowHosts = new Set((options.allowHosts ?? []).map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
    this.resolve = options.resolve ?? systemResolver;
  }

  async check(url: URL, options?: { readonly allowPrivate?: boolean }): Promise<Result<void, FeedErrorCode>> {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return err('bad_url', `only http and https feeds are fetched, not ${url.protocol}`);
    if (url.username || url.password) return err('bad_url', 'feed URLs must not carry credentials');
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    if (this.options.allowPrivate === true || options?.allowPrivate === true || this.allowHosts.has(host)) return ok(undefined);
    const addresses = isIP(host) ? ok([host]) : await this.lookup(host);
    if (!addresses.ok) return addresses;
    for (const address of addresses.value) {
      const kind = classifyAddress(address);
      if (kind) return err('blocked_address', `${host} resolves to ${address} (${kind}), which feeds may not use`);
    }
    return ok(undefined);
  }

  private async lookup(host: string): Promise<Result<string[], FeedErrorCode>> {
    try {
      const addresses = await this.resolve(host);
      return addresses.length > 0 ? ok(addresses) : err('network', `${host} has no address`);
    } catch (cause) {
      return err('network', `cannot resolve ${host}: ${(cause as { code?: string }).code ?? (cause as Error).message}`);
    }
  }
}
