import { BlockList, isIP } from 'node:net';

/**
 * Every range that is not the public internet: this host, private networks (RFC 1918, RFC 4193),
 * carrier-grade NAT (100.64.0.0/10, where a cloud's metadata service answers on 100.100.100.200),
 * link-local (169.254.0.0/16, fe80::/10, the usual metadata address among them), documentation,
 * benchmarking, multicast and reserved blocks. IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`, also
 * written `::ffff:7f00:1`) are checked as the IPv4 address they carry.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is not a public internet address (see NOT_PUBLIC); false for a name. */
export function isPrivateAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family === 0) return false;
  return NOT_PUBLIC.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether a URL's host is `localhost` or a private address (SSRF guard for callbacks and
 * webhooks; a host name is checked once resolved, by `guardedLookup`).
 */
export function isPrivateUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return true;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isPrivateAddress(host);
}
