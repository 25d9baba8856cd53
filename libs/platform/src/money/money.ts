/**
 * Money is an integer number of the currency's minor unit (1250 = 12.50 EUR). All rounding of
 * money happens in `roundMoney`, which rounds exactly as Medusa v1 does (JavaScript Math.round:
 * halves toward +∞), so that our totals equal Medusa's to the unit.
 */
export type MinorUnits = number;

/** ISO 4217 exponents that differ from the usual 2. */
const EXPONENTS: Readonly<Record<string, number>> = {
  bif: 0,
  clp: 0,
  djf: 0,
  gnf: 0,
  isk: 0,
  jpy: 0,
  kmf: 0,
  krw: 0,
  pyg: 0,
  rwf: 0,
  ugx: 0,
  vnd: 0,
  vuv: 0,
  xaf: 0,
  xof: 0,
  xpf: 0,
  bhd: 3,
  iqd: 3,
  jod: 3,
  kwd: 3,
  lyd: 3,
  omr: 3,
  tnd: 3,
};

export class MoneyError extends Error {}

/** The one rounding rule for money: Medusa's `Math.round` (2.5 → 3, −2.5 → −2). */
export function roundMoney(amount: number): MinorUnits {
  if (!Number.isFinite(amount)) throw new MoneyError(`cannot round ${amount} to a money amount`);
  const rounded = Math.round(amount);
  assertMinorUnits(rounded);
  return rounded === 0 ? 0 : rounded;
}

/** Throws unless `amount` is a safe integer: money never carries fractions or overflows. */
export function assertMinorUnits(amount: number, what = 'amount'): asserts amount is MinorUnits {
  if (!Number.isSafeInteger(amount)) {
    throw new MoneyError(`${what} must be an integer number of minor units, got ${amount}`);
  }
}

/** `unitAmount × quantity`, refusing results that are not exact integers. */
export function multiplyMoney(unitAmount: MinorUnits, quantity: number): MinorUnits {
  assertMinorUnits(unitAmount, 'unit amount');
  assertMinorUnits(quantity, 'quantity');
  const product = unitAmount * quantity;
  assertMinorUnits(product, 'line amount');
  return product;
}

/** `ratePercent` % of `amount`, rounded once (e.g. a 10 % discount or a 20 % tax). */
export function percentOf(amount: MinorUnits, ratePercent: number): MinorUnits {
  assertMinorUnits(amount);
  return roundMoney((amount * ratePercent) / 100);
}

/** Number of decimals of a currency's minor unit (2 for EUR and CNY, 0 for JPY). */
export function currencyExponent(currencyCode: string): number {
  return EXPONENTS[currencyCode.toLowerCase()] ?? 2;
}

/**
 * Converts a decimal amount in major units ("12.5" yuan) to minor units (1250 fen), exactly:
 * the string is read digit by digit, never through a float. More decimals than the currency has
 * is an error, not a silent rounding.
 */
export function toMinorUnits(major: string | number, currencyCode: string): MinorUnits {
  const text = typeof major === 'number' ? major.toString() : major.trim();
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new MoneyError(`"${text}" is not a decimal amount`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currencyCode);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyError(`${text} has more than ${exponent} decimals for ${currencyCode}`);
  }
  const minor = Number(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  assertMinorUnits(minor);
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** Formats minor units as a decimal string in major units (1250 → "12.50"). */
export function fromMinorUnits(minor: MinorUnits, currencyCode: string): string {
  assertMinorUnits(minor);
  const exponent = currencyExponent(currencyCode);
  const digits = Math.abs(minor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}
