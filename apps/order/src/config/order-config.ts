import { ConfigError, EnvReader } from '@app/platform';

type Env = Record<string, string | undefined>;

/** The order app's settings for orders paid after they are placed (seed 002). */
export interface OrderConfig {
  /** How long a submitted order waits for its payment (seed 001: two days). */
  payWindowMinutes: number;
  /** How often submitted orders past their window are looked for and canceled. */
  expirySweepMs: number;
  /** Points worth one yuan (one unit of the currency): 100 makes a point one fen. */
  pointsPerYuan: number;
  /** How long a presale order waits for its deposit (seed 004: two hours). */
  presaleDepositWindowMinutes: number;
}

export const ORDER_CONFIG = Symbol('ORDER_CONFIG');

/**
 * Reads `ORDER_PAY_WINDOW_MINUTES` (2880), `ORDER_EXPIRY_SWEEP_MS` (30 s), `POINTS_PER_YUAN` (100),
 * `PRESALE_DEPOSIT_WINDOW_MINUTES` (120).
 */
export function loadOrderConfig(env: Env): OrderConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const config: OrderConfig = {
    payWindowMinutes: read.integer('ORDER_PAY_WINDOW_MINUTES', 2880, 1, 525_600),
    expirySweepMs: read.integer('ORDER_EXPIRY_SWEEP_MS', 30_000, 50, 3_600_000),
    pointsPerYuan: read.integer('POINTS_PER_YUAN', 100, 1, 100),
    presaleDepositWindowMinutes: read.integer('PRESALE_DEPOSIT_WINDOW_MINUTES', 120, 1, 525_600),
  };
  if (100 % config.pointsPerYuan !== 0) {
    problems.push(
      `POINTS_PER_YUAN must divide 100 (a point is a whole number of fen), got ${config.pointsPerYuan}`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
