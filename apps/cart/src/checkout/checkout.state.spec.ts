import { canMoveCheckout, CHECKOUT_TRANSITIONS, CheckoutStage, checkoutStagesInto } from './checkout.state';
import { CHECKOUT_STEPS } from './steps/checkout-steps';

const STAGES = Object.keys(CHECKOUT_TRANSITIONS) as CheckoutStage[];

const ALLOWED: [CheckoutStage, CheckoutStage][] = [
  ['started', 'reserved'],
  ['started', 'compensating'],
  ['reserved', 'authorized'],
  ['reserved', 'awaiting_payment'],
  ['reserved', 'compensating'],
  ['awaiting_payment', 'started'],
  ['awaiting_payment', 'compensating'],
  ['authorized', 'placed'],
  ['authorized', 'compensating'],
  ['placed', 'completed'],
  ['compensating', 'failed'],
  ['failed', 'started'],
];

describe('checkout transitions', () => {
  const allowed = new Set(ALLOWED.map(([from, to]) => `${from}→${to}`));
  const refused = STAGES.flatMap((from) =>
    STAGES.filter((to) => to !== from && !allowed.has(`${from}→${to}`)).map((to) => [from, to]),
  );

  it.each(ALLOWED)('allows %s → %s', (from, to) => {
    expect(canMoveCheckout(from, to)).toBe(true);
  });

  it.each(refused)('refuses %s → %s', (from, to) => {
    expect(canMoveCheckout(from as CheckoutStage, to as CheckoutStage)).toBe(false);
  });

  it.each(STAGES)('treats %s → itself as a no-op move', (stage) => {
    expect(canMoveCheckout(stage, stage)).toBe(true);
  });

  it('guards a move in SQL by exactly its allowed source stages', () => {
    expect(checkoutStagesInto('compensating').sort()).toEqual(
      ['awaiting_payment', 'authorized', 'compensating', 'reserved', 'started'].sort(),
    );
    expect(checkoutStagesInto('completed').sort()).toEqual(['completed', 'placed']);
  });

  it('has no way back once the order is placed', () => {
    expect(canMoveCheckout('placed', 'compensating')).toBe(false);
    expect(canMoveCheckout('completed', 'started')).toBe(false);
  });
});

describe('the checkout steps', () => {
  it('lead from started to completed, each along an allowed transition', () => {
    // The steps' constructors only keep their collaborators: none is needed to read their stages.
    const steps = CHECKOUT_STEPS.map(
      (Step) => new (Step as new (...deps: unknown[]) => { from: CheckoutStage; to: CheckoutStage })(),
    );
    expect(steps[0].from).toBe('started');
    expect(steps[steps.length - 1].to).toBe('completed');
    steps.forEach((step, index) => {
      expect(canMoveCheckout(step.from, step.to)).toBe(true);
      if (index > 0) expect(step.from).toBe(steps[index - 1].to);
    });
  });
});
