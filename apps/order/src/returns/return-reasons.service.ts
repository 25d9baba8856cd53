import { Injectable } from '@nestjs/common';
import { CreateReturnReasonRequest, ReturnReason } from '@app/contracts';
import { DomainError, jsonArray, jsonObject, newId, PreparedStatements } from '@app/platform';

const COLUMNS = [
  'id',
  'value',
  'label',
  'description',
  'parent_return_reason_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
] as const;

const CHILDREN = `'return_reason_children', ${jsonArray(
  jsonObject('c', COLUMNS),
  '"order".return_reason c WHERE c.parent_return_reason_id = r.id AND c.deleted_at IS NULL',
  'c.created_at',
)}`;

const PARENT = `'parent_return_reason', (SELECT ${jsonObject('p', COLUMNS)} FROM "order".return_reason p
  WHERE p.id = r.parent_return_reason_id)`;

/**
 * Medusa's return reasons: the store lists the top-level ones with their children and shows one with
 * its parent and children; the merchant adds them (a value is unique; a child's parent must be a
 * top-level reason, as Medusa allows one level).
 */
@Injectable()
export class ReturnReasons {
  constructor(private readonly db: PreparedStatements) {}

  async list(): Promise<{ return_reasons: ReturnReason[] }> {
    const rows = await this.db.rows<{ reason: ReturnReason }>({
      name: 'order.return-reason.list',
      text: `SELECT ${jsonObject('r', COLUMNS, [CHILDREN])} AS reason FROM "order".return_reason r
             WHERE r.parent_return_reason_id IS NULL AND r.deleted_at IS NULL ORDER BY r.created_at, r.id`,
      values: [],
    });
    return { return_reasons: rows.map((row) => row.reason) };
  }

  async get(id: string): Promise<{ return_reason: ReturnReason }> {
    const [row] = await this.db.rows<{ reason: ReturnReason }>({
      name: 'order.return-reason.get',
      text: `SELECT ${jsonObject('r', COLUMNS, [PARENT, CHILDREN])} AS reason FROM "order".return_reason r
             WHERE r.id = $1 AND r.deleted_at IS NULL`,
      values: [id],
    });
    if (!row) throw DomainError.notFound(`Return Reason with id ${id} was not found`);
    return { return_reason: row.reason };
  }

  async create(request: CreateReturnReasonRequest): Promise<{ return_reason: ReturnReason }> {
    if (request.parent_return_reason_id) {
      const { return_reason: parent } = await this.get(request.parent_return_reason_id).catch(() => {
        throw DomainError.invalidData(
          `Parent return reason ${request.parent_return_reason_id} was not found`,
        );
      });
      if (parent.parent_return_reason_id) {
        throw DomainError.invalidData('Doubly nested return reasons is not supported');
      }
    }
    const id = newId('rr');
    try {
      await this.db.rows({
        name: 'order.return-reason.create',
        text: `INSERT INTO "order".return_reason (id, value, label, description, parent_return_reason_id, metadata)
               VALUES ($1, $2, $3, $4, $5, $6)`,
        values: [
          id,
          request.value,
          request.label,
          request.description ?? null,
          request.parent_return_reason_id ?? null,
          request.metadata ?? null,
        ],
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new DomainError('duplicate_error', `Return reason with value ${request.value} already exists`);
      }
      throw error;
    }
    return this.get(id);
  }
}
