import { lookup } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';
import { isPrivateAddress, isPrivateUrl } from './private-address';

/**
 * A DNS lookup for outgoing calls that refuses a name resolving to any address that is not public,
 * and hands the connection the very address it checked: a DNS answer that changes between the check
 * and the connection (DNS rebinding) gets nowhere.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const found = addresses as { address: string; family: number }[];
    const refused = found.find((candidate) => isPrivateAddress(candidate.address));
    if (refused || !found.length) {
      return callback(
        Object.assign(
          new Error(`${hostname} resolves to ${refused?.address ?? 'nothing'}, not a public address`),
          {
            code: 'EPRIVATEADDRESS',
          },
        ),
        '',
        0,
      );
    }
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: typeof found) => void)(null, found);
    callback(null, found[0].address, found[0].family);
  });
};

export interface GuardedAnswer {
  status: number;
  text: string;
}

/**
 * POSTs `body` to `url` (http or https) without following redirects, connecting only to a public
 * address unless `allowPrivate`; rejects on a network error or after `timeoutMs`.
 */
export function postGuarded(
  url: string,
  {
    headers,
    body,
    timeoutMs,
    allowPrivate,
  }: { headers: Record<string, string>; body: string; timeoutMs: number; allowPrivate: boolean },
): Promise<GuardedAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    if (!allowPrivate && isPrivateUrl(url)) {
      reject(
        new Error(`${target.hostname} is a private address (set ALLOW_PRIVATE_CALLBACKS=true to allow it)`),
      );
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (chunk: string) => {
          if (text.length < 64 * 1024) text += chunk;
        });
        incoming.on('end', () => {
          clearTimeout(timer);
          resolve({ status: incoming.statusCode ?? 0, text });
        });
        incoming.on('error', reject);
      },
    );
    const timer = setTimeout(
      () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    outgoing.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    outgoing.end(body);
  });
}
