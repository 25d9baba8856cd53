import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AdminCustomer,
  AdminCustomerList,
  AdminListCustomersQuery,
  CustomerCommands,
  CustomerRef,
} from '@app/contracts';
import { containsPattern, DomainError, PreparedStatements, SqlBuilder } from '@app/platform';
import { ADMIN_CUSTOMER_JSON } from './customer.sql';

/**
 * The merchant's view of customers (Medusa v1's `GET /admin/customers[/{id}]`): the registered
 * customers (a guest order's customer id names no record here), each with the address book and the
 * groups they are in, so a merchant can find whom to put in a group.
 */
@Controller()
export class AdminCustomerHandlers {
  constructor(private readonly db: PreparedStatements) {}

  @MessagePattern(CustomerCommands.adminList.subject)
  async list(@Payload() query: AdminListCustomersQuery): Promise<AdminCustomerList> {
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const sql = new SqlBuilder();
    const where = ['c.deleted_at IS NULL'];
    if (query.q) {
      const pattern = sql.param(containsPattern(query.q));
      where.push(
        `(c.email ILIKE ${pattern} OR c.first_name ILIKE ${pattern} OR c.last_name ILIKE ${pattern})`,
      );
    }
    if (query.groups?.length) {
      where.push(`EXISTS (SELECT 1 FROM customer.customer_group_customer m
                  WHERE m.customer_id = c.id AND m.customer_group_id = ANY(${sql.param(query.groups)}))`);
    }
    if (query.has_account) where.push(`c.has_account = ${sql.param(query.has_account === 'true')}`);
    const rows = await this.db.rows<{ customer: AdminCustomer; total: number }>(
      sql.query(
        `SELECT ${ADMIN_CUSTOMER_JSON} AS customer, count(*) OVER ()::int AS total FROM customer.customer c
         WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC
         LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
      ),
    );
    return { customers: rows.map((row) => row.customer), count: rows[0]?.total ?? 0, offset, limit };
  }

  @MessagePattern(CustomerCommands.adminGet.subject)
  async get(@Payload() ref: CustomerRef): Promise<{ customer: AdminCustomer }> {
    const [row] = await this.db.rows<{ customer: AdminCustomer }>({
      name: 'customer.customer.admin-get',
      text: `SELECT ${ADMIN_CUSTOMER_JSON} AS customer FROM customer.customer c
             WHERE c.id = $1 AND c.deleted_at IS NULL`,
      values: [ref.customer_id],
    });
    if (!row) throw DomainError.notFound(`Customer with id ${ref.customer_id} was not found`);
    return row;
  }
}
