import { allowedMoves, canMove, refusedMoves, sourcesOf, Transitions } from './transitions';

type Light = 'red' | 'green' | 'amber';
const LIGHT: Transitions<Light> = { red: ['green'], green: ['amber'], amber: ['red'] };

describe('transition tables', () => {
  it.each([
    ['red', 'green', true],
    ['green', 'amber', true],
    ['amber', 'red', true],
    ['red', 'red', true],
    ['red', 'amber', false],
    ['green', 'red', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(LIGHT, from, to)).toBe(allowed);
  });

  it('guards a move by its sources, the target itself excluded', () => {
    expect(sourcesOf(LIGHT, 'green')).toEqual(['red']);
  });

  it('lists the allowed and the refused moves', () => {
    expect(allowedMoves(LIGHT)).toEqual([
      ['red', 'green'],
      ['green', 'amber'],
      ['amber', 'red'],
    ]);
    expect(refusedMoves(LIGHT)).toEqual([
      ['red', 'amber'],
      ['green', 'red'],
      ['amber', 'green'],
    ]);
  });
});
