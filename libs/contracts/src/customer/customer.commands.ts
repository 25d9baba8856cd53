import { Transform, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AddressPayload } from '../cart/cart.commands';

/** A store customer as Medusa v1 returns it (`StoreCustomersRes.customer`), with its addresses. */
export type Customer = Record<string, unknown> & {
  id: string;
  email: string;
  has_account: boolean;
};

export interface CustomerReply {
  customer: Customer;
}

const lowerCase = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

/** A password: at least 8 characters, at most 200. */
function IsPassword(): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(8)(target, key);
    MaxLength(200)(target, key);
  };
}

/** `POST /store/customers`: Medusa's `StorePostCustomersReq`. */
export class RegisterCustomerRequest {
  @IsString() @MinLength(1) @MaxLength(200) first_name!: string;
  @IsString() @MinLength(1) @MaxLength(200) last_name!: string;
  @Transform(lowerCase) @IsEmail() @MaxLength(320) email!: string;
  @IsPassword() password!: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
}

/** `POST /store/auth`, `POST /store/auth/token`, `POST /admin/auth`: Medusa's `StorePostAuthReq`. */
export class SignInRequest {
  @Transform(lowerCase) @IsEmail() @MaxLength(320) email!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

/** Who signs in: a store customer or a merchant's admin user. */
export type Actor = 'customer' | 'admin';

export class SignInCommand extends SignInRequest {
  @IsIn(['customer', 'admin']) actor!: Actor;
}

/** The actor a sign-in or a session stands for. */
export interface SignedIn {
  actor: Actor;
  /** The customer's or admin user's id. */
  actor_id: string;
}

/** A server-side session (the cookie carries its id): opened at sign-in, ended at sign-out. */
export interface AuthSessionReply extends SignedIn {
  session_id: string;
  expires_at: string;
}

export class AuthSessionRef {
  @IsString() @MaxLength(100) session_id!: string;
}

export class OpenSessionCommand {
  @IsIn(['customer', 'admin']) actor!: Actor;
  @IsString() @MaxLength(100) actor_id!: string;
}

export class EmailRef {
  @Transform(lowerCase) @IsEmail() @MaxLength(320) email!: string;
}

export class CustomerRef {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** `POST /store/customers/me`: Medusa's `StorePostCustomersCustomerReq`. */
export class UpdateCustomerRequest {
  @IsOptional() @IsString() @MaxLength(200) first_name?: string;
  @IsOptional() @IsString() @MaxLength(200) last_name?: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  @IsOptional() @Transform(lowerCase) @IsEmail() @MaxLength(320) email?: string;
  @IsOptional() @IsPassword() password?: string;
  @IsOptional() @IsObject() metadata?: Record<string, unknown>;

  /** An address of the customer's book (by id), or a new one. */
  @IsOptional()
  @Transform(({ value }) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.assign(new AddressPayload(), value)
      : value,
  )
  billing_address?: AddressPayload | string;
}

export class UpdateCustomerCommand extends UpdateCustomerRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}

/** Medusa's `AddressCreatePayload`: the fields an address of the book must have. */
export class AddressCreatePayload extends AddressPayload {
  @IsString() @MinLength(1) @MaxLength(200) declare first_name: string;
  @IsString() @MinLength(1) @MaxLength(200) declare last_name: string;
  @IsString() @MinLength(1) @MaxLength(500) declare address_1: string;
  @IsString() @MinLength(1) @MaxLength(200) declare city: string;
  @Transform(lowerCase)
  @Matches(/^[a-z]{2}$/, { message: 'country_code must be an ISO 3166 alpha-2 code' })
  declare country_code: string;
  @IsString() @MinLength(1) @MaxLength(50) declare postal_code: string;
}

/** `POST /store/customers/me/addresses`. */
export class AddAddressRequest {
  @ValidateNested() @Type(() => AddressCreatePayload) address!: AddressCreatePayload;
}

export class AddAddressCommand extends AddAddressRequest {
  @IsString() @MaxLength(100) customer_id!: string;
}

export class AddressRef {
  @IsString() @MaxLength(100) customer_id!: string;
  @IsString() @MaxLength(100) address_id!: string;
}

/** `POST /store/customers/me/addresses/{address_id}`: Medusa's `AddressPayload`, every field optional. */
export class UpdateAddressCommand extends AddressPayload {
  @IsString() @MaxLength(100) customer_id!: string;
  @IsString() @MaxLength(100) address_id!: string;
}

/** What other apps need of a customer: the email a cart takes, the groups whose prices apply. */
export interface CustomerProfile {
  customer_id: string;
  email: string;
  group_ids: string[];
}

/**
 * What a payment provider's fraud checks are told of a customer (the cashier's `customer` block):
 * when they registered, the orders they placed before (kept from `events.order.placed`), and their
 * level — the names of their customer groups (`vip2`), if any.
 */
export interface CustomerHistory {
  customer_id: string;
  registered_at: string;
  orders_placed: number;
  first_order_at: string | null;
  last_order_at: string | null;
  level: string | null;
}

/** `POST /store/customers/password-token`: Medusa's `StorePostCustomersCustomerPasswordTokenReq`. */
export class PasswordTokenRequest {
  @Transform(lowerCase) @IsEmail() @MaxLength(320) email!: string;
}

/** `POST /store/customers/password-reset`: Medusa's `StorePostCustomersResetPasswordReq`. */
export class PasswordResetRequest {
  @Transform(lowerCase) @IsEmail() @MaxLength(320) email!: string;
  @IsPassword() password!: string;
  @IsString() @MinLength(1) @MaxLength(200) token!: string;
}

/** An attempt to count against a throttle shared by every replica (`order-lookup:<email>`, …). */
export class ThrottleAttempt {
  @IsString() @MinLength(1) @MaxLength(400) key!: string;
}
