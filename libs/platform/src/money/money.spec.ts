import {
  currencyExponent,
  fromMinorUnits,
  MoneyError,
  multiplyMoney,
  percentOf,
  roundMoney,
  toMinorUnits,
} from './money';

describe('roundMoney rounds as Medusa v1 does (Math.round, halves toward +∞)', () => {
  it.each([
    [2.5, 3],
    [-2.5, -2],
    [0.5, 1],
    [-0.5, 0],
    [1.4999, 1],
    [179.99999, 180],
    [100, 100],
  ])('%p → %p', (amount, expected) => {
    expect(roundMoney(amount)).toBe(expected);
  });

  it.each([NaN, Infinity, 2 ** 60])('refuses %p', (amount) => {
    expect(() => roundMoney(amount)).toThrow(MoneyError);
  });
});

describe('percentOf', () => {
  it.each([
    [1000, 20, 200],
    [900, 20, 180],
    [833, 20, 167],
    [1, 50, 1],
    [3, 50, 2],
    [1000, 0, 0],
  ])('%p × %p %% = %p', (amount, rate, expected) => {
    expect(percentOf(amount, rate)).toBe(expected);
  });
});

describe('multiplyMoney', () => {
  it('multiplies exactly', () => expect(multiplyMoney(1250, 3)).toBe(3750));
  it('refuses fractional inputs', () => expect(() => multiplyMoney(12.5, 2)).toThrow(MoneyError));
  it('refuses results beyond safe integers', () =>
    expect(() => multiplyMoney(Number.MAX_SAFE_INTEGER, 2)).toThrow(MoneyError));
});

describe('major ↔ minor units, exactly and per currency exponent', () => {
  it.each([
    ['12.5', 'cny', 1250],
    ['12.50', 'eur', 1250],
    ['0.01', 'eur', 1],
    ['10', 'cny', 1000],
    ['100', 'jpy', 100],
    ['1.234', 'kwd', 1234],
    ['-3.20', 'usd', -320],
    [19.99, 'eur', 1999],
    ['0.1000', 'eur', 10],
  ])('toMinorUnits(%p, %p) = %p', (major, currency, minor) => {
    expect(toMinorUnits(major, currency)).toBe(minor);
  });

  it.each([
    ['1.005', 'eur'],
    ['1.5', 'jpy'],
    ['12,50', 'eur'],
    ['', 'eur'],
    ['1e3', 'eur'],
    ['abc', 'cny'],
  ])('toMinorUnits(%p, %p) refuses instead of rounding', (major, currency) => {
    expect(() => toMinorUnits(major, currency)).toThrow(MoneyError);
  });

  it.each([
    [1250, 'cny', '12.50'],
    [1, 'eur', '0.01'],
    [-320, 'usd', '-3.20'],
    [100, 'jpy', '100'],
    [0, 'eur', '0.00'],
  ])('fromMinorUnits(%p, %p) = %p', (minor, currency, major) => {
    expect(fromMinorUnits(minor, currency)).toBe(major);
  });

  it('knows zero- and three-decimal currencies, case-insensitively', () => {
    expect([currencyExponent('JPY'), currencyExponent('eur'), currencyExponent('bhd')]).toEqual([0, 2, 3]);
  });
});
