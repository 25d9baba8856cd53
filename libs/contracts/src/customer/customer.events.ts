import { IsString } from 'class-validator';
import { event } from '../common/events';

/** Data of `events.customer.password-reset-requested`: what the mail to the customer needs. */
export class PasswordResetRequested {
  @IsString() customer_id!: string;
  @IsString() email!: string;
  /** The single-use reset token (only its hash is kept by the customer app). */
  @IsString() token!: string;
  @IsString() expires_at!: string;
}

/** Data of `events.customer.customer-group-changed`: a group, or its members, changed. */
export class CustomerGroupChanged {
  @IsString() customer_group_id!: string;
}

/** Events the customer app publishes. */
export const CustomerEvents = {
  passwordResetRequested: event<PasswordResetRequested>('customer.password-reset-requested'),
  /** The merchant's customer groups (created, renamed, deleted, members added or removed). */
  customerGroupChanged: event<CustomerGroupChanged>('customer.customer-group-changed'),
} as const;
