import { Injectable } from '@nestjs/common';
import {
  AddAddressCommand,
  ADDRESS_PAYLOAD_KEYS,
  AddressPayload,
  AddressRef,
  Customer,
  CustomerHistory,
  CustomerProfile,
  CustomerRef,
  CustomerReply,
  RegisterCustomerRequest,
  UpdateAddressCommand,
  UpdateCustomerCommand,
} from '@app/contracts';
import { DomainError, newId, PreparedStatements, SqlBuilder } from '@app/platform';
import { hashPassword } from '../auth/passwords';
import { customerByIdQuery } from './customer.sql';

/** The fields of an address a customer writes. */
const ADDRESS_FIELDS = ADDRESS_PAYLOAD_KEYS;

const EMAIL_TAKEN = 'A customer with the given email already has an account. Log in instead.';

/** Customers with an account and their address books, as Medusa v1's store routes change them. */
@Injectable()
export class CustomerService {
  constructor(private readonly statements: PreparedStatements) {}

  /**
   * A new customer with an account; 422 when the email has one (of twenty registrations of one
   * email at once, one wins: the email is unique among accounts). Earlier guest orders with the same
   * email are not attached (only the claim flow moves them).
   */
  async register(command: RegisterCustomerRequest): Promise<CustomerReply> {
    const id = newId('cus');
    const created = await this.statements.rows({
      text: `INSERT INTO customer.customer (id, email, first_name, last_name, phone, password_hash, has_account)
             VALUES ($1, $2, $3, $4, $5, $6, true)
             ON CONFLICT (email) WHERE has_account AND deleted_at IS NULL DO NOTHING RETURNING id`,
      values: [
        id,
        command.email,
        command.first_name,
        command.last_name,
        command.phone ?? null,
        await hashPassword(command.password),
      ],
    });
    if (!created.length) throw new DomainError('duplicate_error', EMAIL_TAKEN);
    return this.get({ customer_id: id });
  }

  async get(ref: CustomerRef): Promise<CustomerReply> {
    const [row] = await this.statements.rows<{ customer: Customer }>(customerByIdQuery(ref.customer_id));
    if (!row) throw DomainError.notFound(`Customer with id ${ref.customer_id} was not found`);
    return { customer: row.customer };
  }

  async profile(ref: CustomerRef): Promise<CustomerProfile> {
    const [row] = await this.statements.rows<CustomerProfile>({
      name: 'customer_profile',
      text: `SELECT c.id AS customer_id, c.email,
               coalesce(array_agg(g.customer_group_id ORDER BY g.customer_group_id)
                        FILTER (WHERE g.customer_group_id IS NOT NULL), '{}') AS group_ids
             FROM customer.customer c LEFT JOIN customer.customer_group_customer g ON g.customer_id = c.id
             WHERE c.id = $1 AND c.deleted_at IS NULL GROUP BY c.id`,
      values: [ref.customer_id],
    });
    if (!row) throw DomainError.notFound(`Customer with id ${ref.customer_id} was not found`);
    return row;
  }

  /** When the customer registered, the orders they placed, and their groups' names as their level. */
  async history(ref: CustomerRef): Promise<CustomerHistory> {
    const [row] = await this.statements.rows<CustomerHistory>({
      name: 'customer_history',
      text: `SELECT c.id AS customer_id, to_json(c.created_at) #>> '{}' AS registered_at, c.orders_placed,
               to_json(c.first_order_at) #>> '{}' AS first_order_at, to_json(c.last_order_at) #>> '{}' AS last_order_at,
               (SELECT string_agg(g.name, ',' ORDER BY g.name) FROM customer.customer_group_customer m
                  JOIN customer.customer_group g ON g.id = m.customer_group_id WHERE m.customer_id = c.id) AS level
             FROM customer.customer c WHERE c.id = $1 AND c.deleted_at IS NULL`,
      values: [ref.customer_id],
    });
    if (!row) throw DomainError.notFound(`Customer with id ${ref.customer_id} was not found`);
    return row;
  }

  /** `POST /store/customers/me`: names, phone, email (unique among accounts), password, metadata, billing address. */
  async update(command: UpdateCustomerCommand): Promise<CustomerReply> {
    const sql = new SqlBuilder();
    const id = sql.param(command.customer_id);
    const sets: string[] = [];
    const ctes: string[] = [];
    for (const field of ['first_name', 'last_name', 'phone', 'email'] as const) {
      if (command[field] !== undefined) sets.push(`${field} = ${sql.param(command[field])}`);
    }
    if (command.metadata !== undefined) {
      sets.push(
        `metadata = coalesce(metadata, '{}') || ${sql.param(JSON.stringify(command.metadata))}::jsonb`,
      );
    }
    if (command.password !== undefined) {
      // A new password kills the reset tokens made before it.
      sets.push(`password_hash = ${sql.param(await hashPassword(command.password))}`);
      sets.push('password_changed_at = clock_timestamp()');
    }
    const billing = command.billing_address;
    if (typeof billing === 'string') {
      // An address of the customer's own book, else nothing is set (and 404 below).
      sets.push(`billing_address_id = (SELECT a.id FROM customer.address a
        WHERE a.id = ${sql.param(billing)} AND a.customer_id = ${id} AND a.deleted_at IS NULL)`);
    } else if (billing) {
      const addressId = newId('addr');
      ctes.push(`billing AS (${insertAddress(sql, addressId, null, billing)} RETURNING id)`);
      sets.push(`billing_address_id = (SELECT id FROM billing)`);
    }
    if (sets.length) {
      const updated = await this.statements
        .rows<{ id: string; billing_address_id: string | null }>(
          sql.query(
            `${ctes.length ? `WITH ${ctes.join(', ')} ` : ''}UPDATE customer.customer SET ${sets.join(', ')}, updated_at = now()
             WHERE id = ${id} AND deleted_at IS NULL RETURNING id, billing_address_id`,
          ),
        )
        .catch((error: { code?: string; constraint?: string }) => {
          if (error.code === '23505') throw new DomainError('duplicate_error', EMAIL_TAKEN);
          throw error;
        });
      if (!updated.length)
        throw DomainError.notFound(`Customer with id ${command.customer_id} was not found`);
      if (typeof billing === 'string' && updated[0].billing_address_id === null) {
        throw DomainError.notFound(`Address with id ${billing} was not found`);
      }
    }
    return this.get(command);
  }

  /** `POST /store/customers/me/addresses`: one more address in the book. */
  async addAddress(command: AddAddressCommand): Promise<CustomerReply> {
    const sql = new SqlBuilder();
    await this.statements.rows(
      sql.query(insertAddress(sql, newId('addr'), command.customer_id, command.address)),
    );
    return this.get(command);
  }

  /** Changes an address of the customer's book; another customer's is a 404, as an unknown one. */
  async updateAddress(command: UpdateAddressCommand): Promise<CustomerReply> {
    const sql = new SqlBuilder();
    const fields = ADDRESS_FIELDS.filter((field) => command[field] !== undefined);
    const sets = fields.map((field) =>
      field === 'metadata'
        ? `metadata = coalesce(metadata, '{}') || ${sql.param(JSON.stringify(command.metadata))}::jsonb`
        : `${field} = ${sql.param(command[field])}`,
    );
    const updated = await this.statements.rows(
      sql.query(
        `UPDATE customer.address SET ${[...sets, 'updated_at = now()'].join(', ')}
         WHERE id = ${sql.param(command.address_id)} AND customer_id = ${sql.param(command.customer_id)}
           AND deleted_at IS NULL RETURNING id`,
      ),
    );
    if (!updated.length) throw addressNotFound(command);
    return this.get(command);
  }

  async getAddress(ref: AddressRef): Promise<{ address: AddressPayload & { id: string } }> {
    const [address] = await this.statements.rows<AddressPayload & { id: string }>({
      name: 'customer_address',
      text: `SELECT id, ${ADDRESS_FIELDS.join(', ')} FROM customer.address
             WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL`,
      values: [ref.address_id, ref.customer_id],
    });
    if (!address) throw addressNotFound(ref);
    return { address };
  }

  /** Removes an address from the book (kept for orders that shipped to it). */
  async deleteAddress(ref: AddressRef): Promise<CustomerReply> {
    const deleted = await this.statements.rows({
      text: `UPDATE customer.address SET deleted_at = now(), updated_at = now()
             WHERE id = $1 AND customer_id = $2 AND deleted_at IS NULL RETURNING id`,
      values: [ref.address_id, ref.customer_id],
    });
    if (!deleted.length) throw addressNotFound(ref);
    return this.get(ref);
  }
}

function insertAddress(
  sql: SqlBuilder,
  id: string,
  customerId: string | null,
  address: AddressPayload,
): string {
  const fields = ADDRESS_FIELDS.filter((field) => address[field] !== undefined);
  const values = fields.map((field) =>
    sql.param(field === 'metadata' ? JSON.stringify(address.metadata) : address[field]),
  );
  return `INSERT INTO customer.address (id, customer_id${fields.map((field) => `, ${field}`).join('')})
          VALUES (${sql.param(id)}, ${sql.param(customerId)}${values.map((value) => `, ${value}`).join('')})`;
}

function addressNotFound(ref: AddressRef): DomainError {
  return DomainError.notFound(`Address with id ${ref.address_id} was not found`);
}
