import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { addressRefusal, type WebhookTargetPolicy } from '../domain/webhooks/webhook-targets.js';

/** One POST to an endpoint: the JSON body and the signed headers. */
export interface WebhookRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** The endpoint's answer; its body is read and thrown away, never kept. */
export interface WebhookAnswer {
  statusCode: number;
}

/** Sends one request; rejects with a `WebhookSendError` when no HTTP answer came (refused address, DNS, timeout, connection). */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookAnswer>;

export class WebhookSendError extends Error {
  override name = 'WebhookSendError';
}

export interface WebhookSenderOptions {
  policy: WebhookTargetPolicy;
  /** The whole request, from connecting to the end of the answer (10 s by default). */
  timeoutMs?: number;
  /** The host-name resolver; node's by default (tests pass one that answers a private address). */
  lookup?: typeof dnsLookup;
  userAgent?: string;
}

/** Answers read beyond this are cut off: a receiver has no reason to send much back. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Resolves the host and refuses it when any address it resolves to may not be called, then
 * connects to the checked address itself, so a DNS answer that changes between check and
 * connection (rebinding) cannot slip a private address through.
 */
function guardedLookup(policy: WebhookTargetPolicy, lookup: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const all = addresses as unknown as LookupAddress[];
      const refused = all.map((entry) => addressRefusal(entry.address, policy)).find((reason) => reason !== undefined);
      if (refused) return callback(new WebhookSendError(`${hostname} resolves to ${refused}`), '', 0);
      const chosen = all[0];
      if (!chosen) return callback(new WebhookSendError(`${hostname} has no address.`), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, all);
      callback(null, chosen.address, chosen.family);
    });
  };
}

/**
 * The HTTP client of the webhook dispatcher: POSTs with node's http/https, checks every address
 * against the target policy (SSRF guard), follows no redirect (a 3xx is just a failed attempt),
 * times out, and reads at most 64 KiB of the answer before dropping it.
 *
 * @example
 * const send = createWebhookSender({ policy: config.webhookTargets });
 * const { statusCode } = await send({ url, body, headers });
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const lookup = guardedLookup(options.policy, options.lookup ?? dnsLookup);
  return (input) =>
    new Promise<WebhookAnswer>((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(input.url);
      } catch {
        reject(new WebhookSendError('The endpoint address is not a URL.'));
        return;
      }
      const host = url.hostname.replace(/^\[|\]$/g, '');
      // An IP literal never reaches the lookup: check it here.
      if (isIP(host) !== 0) {
        const refused = addressRefusal(host, options.policy);
        if (refused) {
          reject(new WebhookSendError(refused));
          return;
        }
      }
      const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : undefined;
      if (!send) {
        reject(new WebhookSendError(`${url.protocol} is not a webhook protocol.`));
        return;
      }
      const body = Buffer.from(input.body, 'utf8');
      const request = send(url, {
        method: 'POST',
        lookup,
        agent: false,
        headers: { ...input.headers, 'content-type': 'application/json', 'content-length': String(body.length), 'user-agent': options.userAgent ?? 'Careloom-Webhooks' },
      });
      const timer = setTimeout(() => request.destroy(new WebhookSendError(`No complete answer within ${timeoutMs} ms.`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        reject(error instanceof WebhookSendError ? error : new WebhookSendError(describe(error)));
      };
      request.on('error', fail);
      request.on('response', (response: IncomingMessage) => {
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) response.destroy();
        });
        const done = () => {
          clearTimeout(timer);
          resolve({ statusCode: response.statusCode ?? 0 });
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      });
      request.end(body);
    });
}

/** A connection error in a sentence for the delivery log (no addresses of the people involved: there are none). */
function describe(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ECONNREFUSED') return 'The endpoint refused the connection.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The endpoint\'s host name does not resolve.';
  if (code === 'ECONNRESET') return 'The endpoint closed the connection.';
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) return `The endpoint's TLS certificate was refused (${code}).`;
  return (error.message || 'The request failed.').slice(0, 300);
}
