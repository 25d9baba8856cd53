import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  ArrayMinSize,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Page, WithPage } from '../common/pagination';
import { ToList } from '../common/query-params';
import type { Customer } from './customer.commands';

/** A customer group as Medusa v1's admin returns it: members' price lists and discounts follow it. */
export interface CustomerGroup {
  id: string;
  name: string;
  metadata: Record<string, unknown> | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface CustomerGroupReply {
  customer_group: CustomerGroup;
}

export interface CustomerGroupList extends Page {
  customer_groups: CustomerGroup[];
}

/** `GET /admin/customer-groups`: `q` on the name, `id` to read several, paging. */
export class ListCustomerGroupsQuery extends WithPage(class {}) {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @IsString({ each: true }) @ArrayMaxSize(1000) id?: string[];
}

/** `POST /admin/customer-groups`: Medusa's `AdminPostCustomerGroupsReq`. */
export class CreateCustomerGroupRequest {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

/** `POST /admin/customer-groups/{id}`: the fields given change. */
export class CustomerGroupChanges {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) name?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;
}

export class UpdateCustomerGroupRequest extends CustomerGroupChanges {
  @IsString() @MaxLength(100) id!: string;
}

export class CustomerGroupRef {
  @IsString() @MaxLength(100) id!: string;
}

export class CustomerIdRef {
  @IsString() @MaxLength(100) id!: string;
}

/** `POST` / `DELETE /admin/customer-groups/{id}/customers/batch`: `{ customer_ids: [{ id }] }`. */
export class GroupCustomersBatch {
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => CustomerIdRef)
  customer_ids!: CustomerIdRef[];
}

export class GroupCustomersRequest extends GroupCustomersBatch {
  @IsString() @MaxLength(100) id!: string;
}

/** `GET /admin/customer-groups/{id}/customers`: the members, paged. */
export class GroupMembersQuery extends WithPage(class {}) {
  @IsString() @MaxLength(100) id!: string;
}

/**
 * `GET /admin/customers` (Medusa's `AdminGetCustomersParams`): `q` on the email and names,
 * `groups` (members of any of them), `has_account`, paging (50 a page).
 */
export class AdminListCustomersQuery extends WithPage(class {}) {
  @IsOptional() @IsString() @MaxLength(200) q?: string;
  @IsOptional() @ToList() @IsString({ each: true }) @ArrayMaxSize(100) groups?: string[];
  @IsOptional() @IsIn(['true', 'false']) has_account?: 'true' | 'false';
}

/** A customer as the merchant sees one: the store's view and the groups the customer is in. */
export type AdminCustomer = Customer & { groups: CustomerGroup[] };

export interface AdminCustomerList extends Page {
  customers: AdminCustomer[];
}
