import { isIP } from 'node:net';

/** Whether an IP address is loopback, private (RFC 1918 / 4193), link-local or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const host = address.replace(/^\[|\]$/g, '');
  if (isIP(host) === 4) {
    const [a, b] = host.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254)
    );
  }
  if (isIP(host) === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(host);
    if (mapped) return isPrivateAddress(mapped[1]);
    return host === '::1' || host === '::' || /^f[cd]/i.test(host) || /^fe[89ab]/i.test(host);
  }
  return false;
}

/**
 * Whether a URL's host is `localhost` or a private address (SSRF guard for callbacks and
 * webhooks; a host name is checked again once resolved, by the caller).
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
