import { FastifyInstance, FastifyReply } from 'fastify';
import { CardTokens } from './card-tokens';
import {
  billingFrom,
  CARD_FAILURES,
  CashierSession,
  CHALLENGE_CODE,
  expire,
  needsChallenge,
  PayingCard,
  TEST_CARDS,
} from './cashier-session';
import { challengePage, closedPage, paymentPage, resultPage } from './hosted-page';

/** What the hosted page shares with the cashier API: its sessions, kept cards and notifications. */
export interface HostedPageDeps {
  sessions: Map<string, CashierSession>;
  tokens: CardTokens;
  /** Sends a signed notification about the session to its `notify_url`. */
  notify: (session: CashierSession, payload: Record<string, unknown>) => void;
  /** The transaction notification's body for the session's outcome. */
  transactionEvent: (session: CashierSession, status: 'SUCCESS' | 'FAILED') => Record<string, unknown>;
}

/**
 * The hosted page at `session_url`: the card form (a billing address when the session requires one,
 * the shopper's kept cards, "save this card"), the 3-D Secure challenge, the notification once paid or
 * declined, and the shopper sent back to the shop.
 */
export function registerHostedPage(
  app: FastifyInstance,
  { sessions, tokens, notify, transactionEvent }: HostedPageDeps,
): void {
  const page = (s: CashierSession, error?: string) => paymentPage(s, tokens.offeredOn(s), error);

  app.get('/checkout/:id', async (request, reply) => {
    const s = sessions.get((request.params as { id: string }).id);
    if (!s) return reply.status(404).type('text/html').send('<h1>Unknown payment session</h1>');
    expire(s);
    return reply.type('text/html').send(s.status === 'PROCESSING' ? page(s) : closedPage(s));
  });

  app.post('/checkout/:id', async (request, reply) => {
    const s = sessions.get((request.params as { id: string }).id);
    if (!s) return reply.status(404).type('text/html').send('<h1>Unknown payment session</h1>');
    expire(s);
    if (s.status !== 'PROCESSING') return reply.type('text/html').send(closedPage(s));
    const form = (request.body ?? {}) as Record<string, string>;
    // A kept card is paid with by its token, only among this session's shopper's own.
    const kept = form.token ? tokens.offeredOn(s).find((token) => token.token === form.token) : undefined;
    if (form.token && !kept) {
      return reply
        .status(402)
        .type('text/html')
        .send(page(s, 'This saved card is not available. Enter a card.'));
    }
    const paying: PayingCard = kept
      ? {
          card_number: kept.card_number,
          expiry: `${kept.expiry_month}/${kept.expiry_year.slice(-2)}`,
          save: false,
        }
      : {
          card_number: String(form.card_number ?? '').replace(/\s+/g, ''),
          expiry: String(form.expiry ?? ''),
          save: form.save_card !== undefined,
        };
    // A new card on a page that collects the billing address needs one (a kept card has its own).
    const billing = kept ? null : billingFrom(form);
    if (s.collect_billing && !kept && !billing) {
      return reply.status(402).type('text/html').send(page(s, 'Enter your billing address.'));
    }
    const card = TEST_CARDS[paying.card_number];
    if (!card || card.outcome !== 'success') {
      s.last_failure = card
        ? CARD_FAILURES[card.outcome as 'declined' | 'insufficient_funds']
        : CARD_FAILURES.unknown_card;
      if (card) notify(s, transactionEvent(s, 'FAILED'));
      return reply.status(402).type('text/html').send(page(s, s.last_failure.message));
    }
    if (billing && s.collect_billing) s.billing_collected = billing;
    if (needsChallenge(s, card)) {
      s.challenge = paying;
      return reply.type('text/html').send(challengePage(s));
    }
    return paid(s, reply, paying);
  });

  /** The shopper's answer to the 3-D Secure challenge: the right code pays, any other is a declined payment. */
  app.post('/checkout/:id/challenge', async (request, reply) => {
    const s = sessions.get((request.params as { id: string }).id);
    if (!s) return reply.status(404).type('text/html').send('<h1>Unknown payment session</h1>');
    expire(s);
    if (s.status !== 'PROCESSING') return reply.type('text/html').send(closedPage(s));
    const paying = s.challenge;
    if (!paying) return reply.type('text/html').send(page(s));
    s.challenge = null;
    if (String(((request.body ?? {}) as Record<string, string>).code ?? '').trim() !== CHALLENGE_CODE) {
      s.last_failure = CARD_FAILURES.authentication_failed;
      notify(s, transactionEvent(s, 'FAILED'));
      return reply.status(402).type('text/html').send(page(s, s.last_failure.message));
    }
    return paid(s, reply, paying);
  });

  /** The session paid (the card kept if the shopper asked): the notification goes out and the shopper back to the shop. */
  const paid = (s: CashierSession, reply: FastifyReply, card: PayingCard) => {
    tokens.keep(s, card);
    s.status = 'SUCCESS';
    s.payment_status = s.capture_method === 'AUTOMATIC' ? 'CAPTURED' : 'AUTHORIZED';
    s.last_failure = null;
    notify(s, transactionEvent(s, 'SUCCESS'));
    const back = new URL(s.return_url);
    back.searchParams.set('trans_id', s.trans_id);
    back.searchParams.set('session_id', s.session_id);
    back.searchParams.set('status', 'SUCCESS');
    return reply.redirect(back.toString(), 303);
  };

  app.get('/result', async (request, reply) =>
    reply.type('text/html').send(resultPage(request.query as Record<string, string>)),
  );
}
