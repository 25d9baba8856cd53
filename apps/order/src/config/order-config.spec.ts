import { ConfigError } from '@app/platform';
import { loadOrderConfig } from './order-config';

describe('the order app settings', () => {
  it('give a submitted order two days to be paid, a presale deposit two hours, and make a point one fen', () => {
    expect(loadOrderConfig({})).toEqual({
      payWindowMinutes: 2880,
      expirySweepMs: 30_000,
      pointsPerYuan: 100,
      presaleDepositWindowMinutes: 120,
    });
  });

  it('take the windows, the sweep and the points’ worth from the environment', () => {
    expect(
      loadOrderConfig({
        ORDER_PAY_WINDOW_MINUTES: '30',
        ORDER_EXPIRY_SWEEP_MS: '1000',
        POINTS_PER_YUAN: '10',
        PRESALE_DEPOSIT_WINDOW_MINUTES: '60',
      }),
    ).toEqual({
      payWindowMinutes: 30,
      expirySweepMs: 1000,
      pointsPerYuan: 10,
      presaleDepositWindowMinutes: 60,
    });
  });

  it('refuse a window of nothing, and points worth a fraction of a fen', () => {
    expect(() => loadOrderConfig({ ORDER_PAY_WINDOW_MINUTES: '0' })).toThrow(ConfigError);
    expect(() => loadOrderConfig({ POINTS_PER_YUAN: '3' })).toThrow(/divide 100/);
  });
});
