import { ConfigError, EnvReader } from '@app/platform';

type Env = Record<string, string | undefined>;

/** How the checkout saga is driven and recovered. */
export interface CheckoutConfig {
  /** How long a driver holds a checkout before the sweep may take it over (renewed at every step). */
  leaseMs: number;
  /** How often checkouts whose lease expired, and waiting checkouts now paid, are looked for. */
  sweepMs: number;
  /**
   * Test builds only (`NODE_ENV=test`): stop dead at a step boundary (`before:<step>` or
   * `after:<step>`), as if the process died there, leaving the lease to expire.
   */
  crashAt: string | null;
}

export const CHECKOUT_CONFIG = Symbol('CHECKOUT_CONFIG');

export function loadCheckoutConfig(env: Env): CheckoutConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const config: CheckoutConfig = {
    leaseMs: read.integer('CHECKOUT_LEASE_MS', 30_000, 100, 3_600_000),
    sweepMs: read.integer('CHECKOUT_SWEEP_MS', 10_000, 50, 3_600_000),
    crashAt: env.NODE_ENV === 'test' ? read.text('CHECKOUT_CRASH_AT', '') || null : null,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
