import {
  BILLING_FIELDS,
  cardBrand,
  CardToken,
  CashierSession,
  CHALLENGE_CODE,
  TEST_CARDS,
} from './cashier-session';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** 1250 CNY → "CNY 12.50" (every sandbox currency has two decimals). */
export const formatAmount = (amount: number, currency: string) => `${currency} ${(amount / 100).toFixed(2)}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem}.amount{font-size:1.6rem;font-weight:600}.error{color:#b00020;background:#fdecee;padding:.6rem;border-radius:4px}
label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1rem;width:100%;padding:.7rem;font-size:1rem;background:#1a5fd0;color:#fff;border:0;border-radius:4px}
label.check input{width:auto;margin-right:.4rem}h2{font-size:1rem;margin-top:1.2rem}
button.saved{background:#fff;color:#1a5fd0;border:1px solid #1a5fd0;margin-top:.4rem}
table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.2rem 0}td.n{text-align:right}small{color:#666}</style>
</head><body>${body}</body></html>`;
}

/** The shopper's kept cards, each a button that pays with it. */
function keptCardsSection(session: CashierSession, kept: CardToken[]): string {
  if (!kept.length) return '';
  const buttons = kept
    .map(
      (card) => `<form method="post" action="/checkout/${escape(session.session_id)}">
<input type="hidden" name="token" value="${escape(card.token)}">
<button type="submit" class="saved" id="saved-${escape(card.card_number.slice(-4))}">Pay with ${escape(cardBrand(card.card_number))} •••• ${escape(card.card_number.slice(-4))} (${escape(card.expiry_month)}/${escape(card.expiry_year.slice(-2))})</button>
</form>`,
    )
    .join('');
  return `<h2>Your saved cards</h2>${buttons}<h2>Or pay with another card</h2>`;
}

/** The billing address inputs, when the shop asked the page to collect it. */
function billingFields(session: CashierSession): string {
  if (!session.collect_billing) return '';
  const labels: Record<keyof typeof BILLING_FIELDS, string> = {
    address_line1: 'Address',
    city: 'City',
    postal_code: 'Postal code',
    country: 'Country (2 letters)',
  };
  const inputs = Object.entries(BILLING_FIELDS)
    .map(
      ([field, input]) =>
        `<label for="${input}">${labels[field as keyof typeof BILLING_FIELDS]}</label><input id="${input}" name="${input}" required>`,
    )
    .join('\n');
  return `<h2>Billing address</h2>\n${inputs}`;
}

/**
 * The hosted payment page of a session: the shopper's kept cards, the card form (with "save this
 * card" when the shop lets the cashier keep it), and an error from the last attempt when there is one.
 */
export function paymentPage(session: CashierSession, kept: CardToken[], error?: string): string {
  const goods = session.goods
    .map(
      (item) =>
        `<tr><td>${escape(item.name)} × ${item.quantity}</td><td class="n">${formatAmount(item.price * item.quantity, session.currency)}</td></tr>`,
    )
    .join('');
  const cards = Object.entries(TEST_CARDS)
    .map(([number, card]) => `<li><code>${number.replace(/(\d{4})(?=\d)/g, '$1 ')}</code> ${card.label}</li>`)
    .join('');
  return layout(
    `Pay ${session.display_merchant_name}`,
    `<h1>${escape(session.display_merchant_name)}</h1>
<p class="amount" id="amount">${formatAmount(session.amount, session.currency)}</p>
<table>${goods}</table>
${error ? `<p class="error" role="alert" id="error">${escape(error)}</p>` : ''}
${keptCardsSection(session, kept)}
<form method="post" action="/checkout/${escape(session.session_id)}">
<label for="card_number">Card number</label><input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" required>
<label for="expiry">Expiry (MM/YY)</label><input id="expiry" name="expiry" placeholder="12/30" required>
<label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" required>
${billingFields(session)}
${session.card_on_file?.store ? '<label class="check"><input type="checkbox" id="save_card" name="save_card" value="yes"> Save this card for next time</label>' : ''}
<button type="submit" id="pay">Pay ${formatAmount(session.amount, session.currency)}</button>
</form>
<p><small>Sandbox: no money moves. Test cards:</small></p><ul><small>${cards}</small></ul>`,
  );
}

/** The card issuer's 3-D Secure challenge, as the hosted page shows it in the sandbox. */
export function challengePage(session: CashierSession): string {
  const card = session.challenge?.card_number ?? '';
  return layout(
    'Verify it is you',
    `<h1 id="challenge">Verify it is you</h1>
<p>Your bank asks you to confirm the payment of <strong>${formatAmount(session.amount, session.currency)}</strong> to ${escape(session.display_merchant_name)} with the card ending ${escape(card.slice(-4))}.</p>
<form method="post" action="/checkout/${escape(session.session_id)}/challenge">
<label for="code">Code sent to your phone</label><input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<button type="submit" id="verify">Verify</button>
</form>
<p><small>Sandbox: ${CHALLENGE_CODE} passes the challenge, any other code fails it.</small></p>`,
  );
}

/** What the page says once the session can no longer be paid. */
export function closedPage(session: CashierSession): string {
  const why =
    session.status === 'SUCCESS'
      ? 'This payment is complete.'
      : session.status === 'EXPIRED'
        ? 'This payment session has expired. Return to the shop to start again.'
        : 'This payment session was closed by the shop. Return to the shop to start again.';
  return layout('Payment', `<h1>${escape(session.display_merchant_name)}</h1><p id="status">${why}</p>`);
}

/** The sandbox's own return page (when the shop gives no return URL of its own). */
export function resultPage(query: Record<string, string>): string {
  const paid = query.status === 'SUCCESS';
  return layout(
    'Payment result',
    `<h1 id="result">${paid ? 'Payment successful' : 'Payment not completed'}</h1>
<p>Transaction <code id="trans_id">${escape(query.trans_id ?? '')}</code></p>
<p><small>You can close this page and return to the shop.</small></p>`,
  );
}
