import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PLATFORM_CONFIG } from '../config/config.tokens';
import { PlatformConfig } from '../config/platform-config';
import { currentRequestContext } from '../context/request-context';
import { quoteIdentifier } from '../database/create-database';
import { DomainError } from '../errors/domain-error';
import { paramsHash } from './params-hash';

interface KeyRow {
  route: string;
  params_hash: string;
  state: 'in_flight' | 'finished';
  response: { reply: unknown } | null;
  stale: boolean;
}

type Claim = { owned: true } | { owned: false; reply: unknown };

export interface RunOptions<T> {
  /**
   * Whether a reply is the request's final answer (default: every success is). A reply that is not
   * — "pay first, then complete again" — commits its work but frees the key, so the retry with the
   * same key runs again instead of replaying it (Medusa replays it, and the client must change key).
   */
  final?: (reply: T) => boolean;
  /**
   * Whether `work` runs in a transaction that also stores the reply (default true). False for work
   * that commits its own steps and talks to other apps meanwhile (the checkout saga): it must be
   * exactly-once by itself, the key then only replays its answer.
   */
  transaction?: boolean;
}

/** How idempotent work that talks to other apps before it writes records its reply. */
export interface IdempotentUnit<T> {
  /** Runs `write` in a transaction that also records its result as the request's reply. */
  commit(write: (manager: EntityManager) => Promise<T>): Promise<T>;
  /**
   * Runs `write` — a single statement, which commits by itself, and reads — and records its result:
   * only a request with a key needs a transaction then, to record the reply together with the write.
   */
  commitStatement(write: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Runs `write` outside a transaction (it commits its own steps), then records its result. */
  settle(write: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Replaces the recorded reply by the request's final answer (work done after the commit). */
  answer(reply: T): Promise<void>;
}

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/**
 * Idempotent writes under the request's `Idempotency-Key`, with Stripe's rules on Medusa's header:
 * the first request with a key claims it and runs; its work and the stored reply commit in one
 * transaction, so a write that committed and then timed out at the gateway is replayed, never run
 * twice. The same key with another route or other parameters is refused (422); a key still in flight
 * answers 409 (retry shortly); a key whose holder died is taken over after `IDEMPOTENCY_LOCK_MS`.
 * Only successes are stored: a failed attempt releases its key, so a retry runs again (a failure never
 * poisons a key).
 */
@Injectable()
export class Idempotency {
  private readonly table: string;
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    this.table = `${quoteIdentifier(config.app)}.idempotency_key`;
  }

  /**
   * Runs `work` in a transaction (see `RunOptions.transaction`), at most once per Idempotency-Key of
   * the current request; without a key it simply runs. `route` is the command subject, `params` its
   * payload.
   */
  run<T>(
    route: string,
    params: unknown,
    work: (manager: EntityManager) => Promise<T>,
    options: RunOptions<T> = {},
  ): Promise<T> {
    if (options.transaction ?? true) {
      return this.runInSteps(route, params, (unit) => unit.commit(work), options);
    }
    return this.runInSteps(route, params, (unit) => unit.settle(work), options);
  }

  /**
   * Runs `work` at most once per Idempotency-Key, for work that asks other apps first (outside any
   * transaction) and then writes: its `unit.commit` transaction writes and records the reply
   * together, so a retry after that commit replays it; `unit.answer` replaces the recorded reply by
   * the final one when the work went on after its commit. A failure before the commit frees the key.
   */
  async runInSteps<T>(
    route: string,
    params: unknown,
    work: (unit: IdempotentUnit<T>) => Promise<T>,
    options: RunOptions<T> = {},
  ): Promise<T> {
    const key = currentRequestContext()?.idempotencyKey;
    if (!key) {
      return work({
        commit: (write) => this.dataSource.transaction(write),
        commitStatement: (write) => write(this.dataSource.manager),
        settle: (write) => write(this.dataSource.manager),
        answer: async () => undefined,
      });
    }
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) void this.pruneExpiredKeys().catch(() => undefined);
    const claim = await this.claim(key, route, paramsHash(params));
    if (!claim.owned) return claim.reply as T;
    const record = async (manager: EntityManager, result: T): Promise<T> => {
      if (options.final && !options.final(result)) {
        await manager.query(`DELETE FROM ${this.table} WHERE key = $1`, [key]);
        return result;
      }
      await manager.query(
        `UPDATE ${this.table} SET state = 'finished', response = $2, finished_at = now() WHERE key = $1`,
        [key, JSON.stringify({ reply: result ?? null })],
      );
      return result;
    };
    try {
      const commit = (write: (manager: EntityManager) => Promise<T>) =>
        this.dataSource.transaction(async (manager) => record(manager, await write(manager)));
      return await work({
        commit,
        commitStatement: commit,
        settle: async (write) => record(this.dataSource.manager, await write(this.dataSource.manager)),
        answer: async (reply) => {
          await this.dataSource.query(
            `UPDATE ${this.table} SET response = $2 WHERE key = $1 AND state = 'finished'`,
            [key, JSON.stringify({ reply })],
          );
        },
      });
    } catch (error) {
      await this.dataSource.query(`DELETE FROM ${this.table} WHERE key = $1 AND state = 'in_flight'`, [key]);
      throw error;
    }
  }

  private async claim(key: string, route: string, hash: string): Promise<Claim> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const inserted = await this.dataSource.query(
        `INSERT INTO ${this.table} (key, route, params_hash, state) VALUES ($1, $2, $3, 'in_flight')
         ON CONFLICT (key) DO NOTHING RETURNING key`,
        [key, route, hash],
      );
      if (inserted.length) return { owned: true };
      const [row]: KeyRow[] = await this.dataSource.query(
        `SELECT route, params_hash, state, response,
                locked_at < now() - make_interval(secs => $2::float / 1000) AS stale
         FROM ${this.table} WHERE key = $1`,
        [key, this.config.idempotencyLockMs],
      );
      if (!row) continue; // released between our insert and our look: try again
      if (row.route !== route || row.params_hash !== hash) {
        throw new DomainError(
          'duplicate_error',
          `Idempotency-Key ${key} was already used for another request (${row.route}); use a new key for a different request.`,
          'idempotency_key_reused',
        );
      }
      if (row.state === 'finished') return { owned: false, reply: row.response?.reply ?? null };
      if (!row.stale) {
        throw DomainError.conflict(
          `A request with Idempotency-Key ${key} is in progress.`,
          'idempotency_key_in_flight',
        );
      }
      // Atomic: of several requests taking over the same stale key, one wins.
      const [, taken] = await this.dataSource.query(
        `UPDATE ${this.table} SET locked_at = now()
         WHERE key = $1 AND state = 'in_flight' AND locked_at < now() - make_interval(secs => $2::float / 1000)`,
        [key, this.config.idempotencyLockMs],
      );
      if (taken === 1) return { owned: true };
    }
    throw DomainError.conflict(
      `A request with Idempotency-Key ${key} is in progress.`,
      'idempotency_key_in_flight',
    );
  }

  /** Forgets keys older than IDEMPOTENCY_RETENTION_HOURS. */
  async pruneExpiredKeys(): Promise<void> {
    this.lastPrune = Date.now();
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE created_at < now() - make_interval(hours => $1)`,
      [this.config.idempotencyRetentionHours],
    );
  }
}
