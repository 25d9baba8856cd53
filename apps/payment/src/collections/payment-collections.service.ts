import { Injectable } from '@nestjs/common';
import {
  CollectionSessionCommand,
  CollectionSessionRef,
  CollectionSessionReply,
  CollectionSessionsAuthorizeCommand,
  CollectionSessionsBatchCommand,
  CollectionSessionView,
  CreatePaymentCollectionCommand,
  PaymentCollectionReply,
  PaymentCollectionView,
  PaymentProviderId,
  SessionInput,
} from '@app/contracts';
import { DomainError, newId } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PaymentSessions } from '../sessions/payment-session.service';

interface CollectionRow {
  id: string;
  type: 'order_edit';
  amount: number;
  currency_code: string;
  region_id: string;
  provider_ids: PaymentProviderId[];
  reference_id: string;
  description: string | null;
  email: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A collection's session, with its provider session's state (none before it was first opened). */
interface SessionRow {
  id: string;
  provider_id: PaymentProviderId;
  amount: number;
  attempt_status: string | null;
  session_status: string | null;
  data: Record<string, unknown> | null;
  authorized_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The sessions of a collection, live ones only, with their provider sessions' current attempt. */
const SESSIONS = `
  SELECT cs.id, cs.provider_id, cs.amount, a.status AS attempt_status, a.session_status, a.data,
    CASE WHEN a.status IN ('authorized', 'captured') THEN a.updated_at END AS authorized_at, cs.created_at, cs.updated_at
  FROM payment.collection_session cs
  LEFT JOIN payment.session s ON s.id = cs.id
  LEFT JOIN payment.attempt a ON a.id = s.current_attempt_id
  WHERE cs.payment_collection_id = $1 AND cs.removed_at IS NULL
  ORDER BY cs.created_at, cs.id`;

const PAID = ['authorized', 'captured'];

/**
 * Payment collections (Medusa's `PaymentCollectionService` for the store): an amount owed outside a
 * cart, paid through sessions at the region's providers. The sessions are decided in a short
 * transaction with the collection locked (which sessions stand, for what amounts; those dropped are
 * closed at their providers afterwards), then opened at their providers with no transaction open,
 * as a cart's are: the same provider sessions, so the providers' notifications, expiry and the
 * release of money nobody stands behind apply unchanged. A collection's status is read from its
 * sessions: `authorized` once they cover its amount.
 */
@Injectable()
export class PaymentCollections {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: PaymentSessions,
  ) {}

  async create(command: CreatePaymentCollectionCommand): Promise<PaymentCollectionReply> {
    await this.dataSource.query(
      `INSERT INTO payment.payment_collection
         (id, type, amount, currency_code, region_id, provider_ids, reference_id, description, email, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (reference_id) DO NOTHING`,
      [
        newId('paycol'),
        command.type,
        command.amount,
        command.currency_code,
        command.region_id,
        command.provider_ids,
        command.reference_id,
        command.description ?? null,
        command.email ?? null,
        command.created_by ?? null,
      ],
    );
    const [row] = await this.dataSource.query(
      'SELECT id FROM payment.payment_collection WHERE reference_id = $1',
      [command.reference_id],
    );
    return this.get(row.id);
  }

  async get(id: string): Promise<PaymentCollectionReply> {
    const collection = await this.collection(this.dataSource.manager, id);
    const sessions: SessionRow[] = await this.dataSource.query(SESSIONS, [id]);
    return { payment_collection: present(collection, sessions) };
  }

  /** One session at `provider_id` for the whole amount; any other is dropped. */
  manageSession(command: CollectionSessionCommand): Promise<PaymentCollectionReply> {
    return this.manage(command.payment_collection_id, (collection) => [
      { provider_id: command.provider_id, amount: collection.amount },
    ]);
  }

  /** Exactly these sessions (a known `session_id` keeps its session), their amounts summing to the collection's. */
  manageSessions(command: CollectionSessionsBatchCommand): Promise<PaymentCollectionReply> {
    return this.manage(command.payment_collection_id, (collection) => {
      const sum = command.sessions.reduce((total, session) => total + session.amount, 0);
      if (sum !== collection.amount) {
        throw DomainError.invalidData(
          `The sum of sessions is not equal to ${collection.amount} on Payment Collection`,
        );
      }
      return command.sessions;
    });
  }

  /** Asks each session's provider whether it is paid (a notification may have said so already). */
  async authorizeSessions(command: CollectionSessionsAuthorizeCommand): Promise<PaymentCollectionReply> {
    const live: SessionRow[] = await this.dataSource.query(SESSIONS, [command.payment_collection_id]);
    await this.collection(this.dataSource.manager, command.payment_collection_id);
    for (const sessionId of command.session_ids) {
      if (!live.some((session) => session.id === sessionId)) {
        throw DomainError.notFound(`Payment Session with id ${sessionId} was not found`);
      }
    }
    for (const sessionId of command.session_ids) await this.sessions.authorize({ session_id: sessionId });
    return this.get(command.payment_collection_id);
  }

  async authorizeSession(ref: CollectionSessionRef): Promise<CollectionSessionReply> {
    await this.session(ref);
    await this.sessions.authorize({ session_id: ref.session_id });
    return { payment_session: presentSession(await this.session(ref)) };
  }

  /** A fresh provider session for the same amount (a new hosted page when the old one expired). */
  async refreshSession(ref: CollectionSessionRef): Promise<CollectionSessionReply> {
    const collection = await this.collection(this.dataSource.manager, ref.payment_collection_id);
    const session = await this.session(ref);
    await this.sessions.refresh(this.input(collection, session));
    return { payment_session: presentSession(await this.session(ref)) };
  }

  /**
   * Decides the collection's sessions under its lock (`wanted` from the collection), then closes
   * the dropped ones and opens the standing ones at their providers. A collection already paid in
   * full keeps its sessions.
   */
  private async manage(
    collectionId: string,
    wanted: (
      collection: CollectionRow,
    ) => { provider_id: PaymentProviderId; amount: number; session_id?: string }[],
  ): Promise<PaymentCollectionReply> {
    const decided = await this.dataSource.transaction(async (manager) => {
      const collection = await this.collection(manager, collectionId, true);
      const live: SessionRow[] = await manager.query(SESSIONS, [collectionId]);
      if (paidAmount(live) >= collection.amount) {
        throw DomainError.notAllowed('The payment collection is already authorized');
      }
      const standing: { id: string; provider_id: PaymentProviderId; amount: number }[] = [];
      for (const asked of wanted(collection)) {
        if (!collection.provider_ids.includes(asked.provider_id)) {
          throw DomainError.notAllowed(
            `Payment provider ${asked.provider_id} is not available in the region`,
          );
        }
        const known = asked.session_id
          ? live.find((session) => session.id === asked.session_id)
          : live.find(
              (session) => session.provider_id === asked.provider_id && session.amount === asked.amount,
            );
        if (asked.session_id && !known) {
          throw DomainError.notFound(`Payment Session with id ${asked.session_id} was not found`);
        }
        const id = known?.id ?? newId('ps');
        if (known) {
          await manager.query(
            'UPDATE payment.collection_session SET amount = $2, updated_at = now() WHERE id = $1',
            [id, asked.amount],
          );
        } else {
          await manager.query(
            `INSERT INTO payment.collection_session (id, payment_collection_id, provider_id, amount)
             VALUES ($1, $2, $3, $4)`,
            [id, collectionId, asked.provider_id, asked.amount],
          );
        }
        standing.push({ id, provider_id: asked.provider_id, amount: asked.amount });
      }
      const dropped = live.filter((session) => !standing.some((kept) => kept.id === session.id));
      if (dropped.length) {
        await manager.query(
          'UPDATE payment.collection_session SET removed_at = now(), updated_at = now() WHERE id = ANY($1)',
          [dropped.map((session) => session.id)],
        );
      }
      return { collection, standing, dropped };
    });
    for (const session of decided.dropped) {
      if (session.attempt_status) await this.sessions.cancel({ session_id: session.id });
    }
    for (const session of decided.standing) {
      await this.sessions.openForAmount(this.input(decided.collection, session));
    }
    return this.get(collectionId);
  }

  /** What the provider is asked to open: the collection as one line, keyed by the collection. */
  private input(
    collection: CollectionRow,
    session: { id: string; provider_id: PaymentProviderId; amount: number },
  ): SessionInput {
    return {
      session_id: session.id,
      cart_id: collection.id,
      provider_id: session.provider_id,
      amount: session.amount,
      currency_code: collection.currency_code,
      context: {
        email: collection.email,
        goods: [
          {
            id: collection.id,
            name: collection.description ?? 'Order edit',
            price: session.amount,
            quantity: 1,
          },
        ],
      },
    };
  }

  private async collection(manager: EntityManager, id: string, lock = false): Promise<CollectionRow> {
    const [row]: CollectionRow[] = await manager.query(
      `SELECT * FROM payment.payment_collection WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw DomainError.notFound(`Payment collection with id ${id} was not found`);
    return row;
  }

  private async session(ref: CollectionSessionRef): Promise<SessionRow> {
    const live: SessionRow[] = await this.dataSource.query(SESSIONS, [ref.payment_collection_id]);
    const session = live.find((candidate) => candidate.id === ref.session_id);
    if (!session) throw DomainError.notFound(`Payment Session with id ${ref.session_id} was not found`);
    return session;
  }
}

function paidAmount(sessions: SessionRow[]): number {
  return sessions
    .filter((session) => PAID.includes(session.attempt_status ?? ''))
    .reduce((sum, session) => sum + session.amount, 0);
}

/** Medusa's `PaymentCollection`, its status from its sessions. */
function present(collection: CollectionRow, sessions: SessionRow[]): PaymentCollectionView {
  const authorized = paidAmount(sessions);
  const status =
    authorized >= collection.amount
      ? 'authorized'
      : authorized > 0
        ? 'partially_authorized'
        : sessions.length
          ? 'awaiting'
          : 'not_paid';
  return {
    id: collection.id,
    type: collection.type,
    status,
    description: collection.description,
    amount: collection.amount,
    authorized_amount: authorized || null,
    region_id: collection.region_id,
    currency_code: collection.currency_code,
    metadata: null,
    payment_sessions: sessions.map(presentSession),
    payments: [],
    created_by: collection.created_by,
    created_at: new Date(collection.created_at).toISOString(),
    updated_at: new Date(collection.updated_at).toISOString(),
    deleted_at: null,
  };
}

/** Medusa's `PaymentSession`. */
function presentSession(session: SessionRow): CollectionSessionView {
  return {
    id: session.id,
    cart_id: null,
    provider_id: session.provider_id,
    is_selected: null,
    is_initiated: session.attempt_status !== null,
    status: PAID.includes(session.attempt_status ?? '')
      ? 'authorized'
      : (session.session_status ?? 'pending'),
    data: session.data ?? {},
    idempotency_key: null,
    amount: session.amount,
    payment_authorized_at: session.authorized_at ? new Date(session.authorized_at).toISOString() : null,
    created_at: new Date(session.created_at).toISOString(),
    updated_at: new Date(session.updated_at).toISOString(),
  };
}
