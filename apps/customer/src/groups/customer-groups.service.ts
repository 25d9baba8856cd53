import { Injectable } from '@nestjs/common';
import {
  Customer,
  CustomerGroup,
  CustomerEvents,
  CustomerGroupList,
  CustomerGroupReply,
  CreateCustomerGroupRequest,
  DeletedReply,
  GroupCustomersRequest,
  GroupMembersQuery,
  ListCustomerGroupsQuery,
  Page,
  UpdateCustomerGroupRequest,
} from '@app/contracts';
import {
  containsPattern,
  DomainError,
  jsonObject,
  newId,
  Outbox,
  PreparedStatements,
  SqlBuilder,
} from '@app/platform';
import { EntityManager } from 'typeorm';
import { CUSTOMER_COLUMNS, GROUP_JSON } from '../customers/customer.sql';

/**
 * The merchant's customer groups (Medusa v1 admin): the vip1–vip3 levels of presale and any other
 * group a price list or discount is for. A customer's groups are read at pricing time, so a member
 * added here is priced by the group's lists in their next cart change. Each change is
 * `events.customer.customer-group-changed`.
 */
@Injectable()
export class CustomerGroups {
  constructor(
    private readonly db: PreparedStatements,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListCustomerGroupsQuery): Promise<CustomerGroupList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 10;
    const sql = new SqlBuilder();
    const where = ['true'];
    if (query.q) where.push(`g.name ILIKE ${sql.param(containsPattern(query.q))}`);
    if (query.id) where.push(`g.id = ANY(${sql.param(query.id)})`);
    const filter = where.join(' AND ');
    const [[{ count }], rows] = await Promise.all([
      this.db.rows<{ count: number }>({
        text: `SELECT count(*)::int AS count FROM customer.customer_group g WHERE ${filter}`,
        values: [...sql.values],
      }),
      this.db.rows<{ group: CustomerGroup }>({
        text: `SELECT ${GROUP_JSON} AS group FROM customer.customer_group g WHERE ${filter}
               ORDER BY g.created_at DESC, g.id DESC OFFSET ${sql.param(offset)} LIMIT ${sql.param(limit)}`,
        values: sql.values,
      }),
    ]);
    return { customer_groups: rows.map((row) => row.group), count, offset, limit };
  }

  async get(id: string, manager?: EntityManager): Promise<CustomerGroupReply> {
    const text = `SELECT ${GROUP_JSON} AS group FROM customer.customer_group g WHERE g.id = $1`;
    const [row] = manager
      ? ((await manager.query(text, [id])) as { group: CustomerGroup }[])
      : await this.db.rows<{ group: CustomerGroup }>({ name: 'customer.group.get', text, values: [id] });
    if (!row) throw DomainError.notFound(`CustomerGroup with id ${id} was not found`);
    return { customer_group: row.group };
  }

  /** A new group; a name another group has is 422 `duplicate_error` (the unique index says so). */
  async create(manager: EntityManager, request: CreateCustomerGroupRequest): Promise<CustomerGroupReply> {
    const id = newId('cgrp');
    await manager.query('INSERT INTO customer.customer_group (id, name, metadata) VALUES ($1, $2, $3)', [
      id,
      request.name,
      request.metadata ? JSON.stringify(request.metadata) : null,
    ]);
    return this.changed(manager, id);
  }

  async update(manager: EntityManager, request: UpdateCustomerGroupRequest): Promise<CustomerGroupReply> {
    await this.lockGroup(manager, request.id);
    await manager.query(
      `UPDATE customer.customer_group SET name = coalesce($2, name),
         metadata = CASE WHEN $3::jsonb IS NULL THEN metadata ELSE coalesce(metadata, '{}') || $3::jsonb END,
         updated_at = now()
       WHERE id = $1`,
      [request.id, request.name ?? null, request.metadata ? JSON.stringify(request.metadata) : null],
    );
    return this.changed(manager, request.id);
  }

  /** Deletes a group and its memberships; price lists for it then apply to nobody. Deleting twice is fine. */
  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    await manager.query('DELETE FROM customer.customer_group_customer WHERE customer_group_id = $1', [id]);
    const deleted = await manager.query(
      'WITH deleted AS (DELETE FROM customer.customer_group WHERE id = $1 RETURNING id) SELECT id FROM deleted',
      [id],
    );
    if (deleted.length) await this.record(manager, id);
    return { id, object: 'customer_group', deleted: true };
  }

  /** Adds customers to a group (those already in it stay once); an unknown customer is 404 and adds nobody. */
  async addCustomers(manager: EntityManager, request: GroupCustomersRequest): Promise<CustomerGroupReply> {
    await this.lockGroup(manager, request.id);
    const ids = [...new Set(request.customer_ids.map((ref) => ref.id))];
    const known: { id: string }[] = await manager.query(
      'SELECT id FROM customer.customer WHERE id = ANY($1) AND deleted_at IS NULL',
      [ids],
    );
    const missing = ids.filter((id) => !known.some((row) => row.id === id));
    if (missing.length) throw DomainError.notFound(`Customers with ids ${missing.join(', ')} were not found`);
    await manager.query(
      `INSERT INTO customer.customer_group_customer (customer_group_id, customer_id)
       SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [request.id, ids],
    );
    return this.changed(manager, request.id);
  }

  async removeCustomers(manager: EntityManager, request: GroupCustomersRequest): Promise<CustomerGroupReply> {
    await this.lockGroup(manager, request.id);
    await manager.query(
      'DELETE FROM customer.customer_group_customer WHERE customer_group_id = $1 AND customer_id = ANY($2)',
      [request.id, request.customer_ids.map((ref) => ref.id)],
    );
    return this.changed(manager, request.id);
  }

  /** `GET /admin/customer-groups/{id}/customers`: the members as Medusa's admin lists customers. */
  async members(query: GroupMembersQuery): Promise<Page & { customers: Customer[] }> {
    await this.get(query.id);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const [rows, [{ count }]] = await Promise.all([
      this.db.rows<{ customer: Customer }>({
        name: 'customer.group.members',
        text: `SELECT ${jsonObject('c', CUSTOMER_COLUMNS)} AS customer
               FROM customer.customer_group_customer m JOIN customer.customer c ON c.id = m.customer_id
               WHERE m.customer_group_id = $1 AND c.deleted_at IS NULL
               ORDER BY c.created_at DESC, c.id DESC OFFSET $2 LIMIT $3`,
        values: [query.id, offset, limit],
      }),
      this.db.rows<{ count: number }>({
        name: 'customer.group.member-count',
        text: `SELECT count(*)::int AS count FROM customer.customer_group_customer m
               JOIN customer.customer c ON c.id = m.customer_id
               WHERE m.customer_group_id = $1 AND c.deleted_at IS NULL`,
        values: [query.id],
      }),
    ]);
    return { customers: rows.map((row) => row.customer), count, offset, limit };
  }

  private record(manager: EntityManager, id: string) {
    return this.outbox.record(
      manager,
      CustomerEvents.customerGroupChanged,
      { id },
      { customer_group_id: id },
    );
  }

  /** Records `events.customer.customer-group-changed` and answers the group as it now is. */
  private async changed(manager: EntityManager, id: string): Promise<CustomerGroupReply> {
    await this.record(manager, id);
    return this.get(id, manager);
  }

  private async lockGroup(manager: EntityManager, id: string): Promise<void> {
    const [row] = await manager.query('SELECT id FROM customer.customer_group WHERE id = $1 FOR UPDATE', [
      id,
    ]);
    if (!row) throw DomainError.notFound(`CustomerGroup with id ${id} was not found`);
  }
}
