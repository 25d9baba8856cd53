import { AddressPayload } from '../cart/cart.commands';
import { command } from '../common/command';
import {
  AddAddressCommand,
  Customer,
  AddressRef,
  CustomerHistory,
  CustomerProfile,
  CustomerRef,
  CustomerReply,
  EmailRef,
  OpenSessionCommand,
  PasswordResetRequest,
  PasswordTokenRequest,
  RegisterCustomerRequest,
  AuthSessionRef,
  AuthSessionReply,
  SignedIn,
  SignInCommand,
  ThrottleAttempt,
  UpdateAddressCommand,
  UpdateCustomerCommand,
} from './customer.commands';
import { DeletedReply } from '../catalog/admin-product.commands';
import { Page } from '../common/pagination';
import {
  AdminCustomer,
  AdminCustomerList,
  AdminListCustomersQuery,
  CreateCustomerGroupRequest,
  CustomerGroupList,
  CustomerGroupRef,
  CustomerGroupReply,
  GroupCustomersRequest,
  GroupMembersQuery,
  ListCustomerGroupsQuery,
  UpdateCustomerGroupRequest,
} from './customer-group.commands';

/** Commands the customer app answers. */
export const CustomerCommands = {
  /** A new customer with an account (422 `duplicate_error` when the email has one). */
  register: command<RegisterCustomerRequest, CustomerReply>('customer.customer.register'),
  /** The customer or admin user whose email and password these are; 401 otherwise, 429 when throttled. */
  signIn: command<SignInCommand, SignedIn>('customer.auth.sign-in'),
  /** Whether an account exists for the email (throttled per email). */
  exists: command<EmailRef, { exists: boolean }>('customer.auth.exists'),
  openSession: command<OpenSessionCommand, AuthSessionReply>('customer.session.open'),
  /** The session, while it is neither ended nor expired (401 otherwise). */
  getSession: command<AuthSessionRef, AuthSessionReply>('customer.session.get'),
  endSession: command<AuthSessionRef, { ended: boolean }>('customer.session.end'),
  get: command<CustomerRef, CustomerReply>('customer.customer.get'),
  /** The customer's email and groups (for carts and pricing). */
  profile: command<CustomerRef, CustomerProfile>('customer.customer.profile'),
  /** When the customer registered, the orders they placed and their level (for a provider's fraud checks). */
  history: command<CustomerRef, CustomerHistory>('customer.customer.history'),
  update: command<UpdateCustomerCommand, CustomerReply>('customer.customer.update'),
  addAddress: command<AddAddressCommand, CustomerReply>('customer.address.add'),
  updateAddress: command<UpdateAddressCommand, CustomerReply>('customer.address.update'),
  deleteAddress: command<AddressRef, CustomerReply>('customer.address.delete'),
  /** One address of the customer's book (404 for anyone else's), for a cart that ships to it. */
  getAddress: command<AddressRef, { address: AddressPayload & { id: string } }>('customer.address.get'),
  /** Mails a reset token when the email has an account; answers the same either way (throttled per email). */
  requestPasswordReset: command<PasswordTokenRequest, { requested: true }>('customer.password.request-reset'),
  /** Sets a new password with a token: single use, expires, dead once the password changed. */
  resetPassword: command<PasswordResetRequest, CustomerReply>('customer.password.reset'),
  /** Counts a lookup attempt under `key`; 429 past LOOKUP_LIMIT in the window (order lookup by email). */
  throttleLookup: command<ThrottleAttempt, { allowed: true }>('customer.throttle.lookup'),

  /** The merchant's customers: `q` on email and names, `groups`, `has_account`; each with its groups. */
  adminList: command<AdminListCustomersQuery, AdminCustomerList>('customer.customer.admin-list'),
  /** A customer with its address book and groups, for the merchant (404 for an unknown id). */
  adminGet: command<CustomerRef, { customer: AdminCustomer }>('customer.customer.admin-get'),

  /** The merchant's customer groups: `q` on the name, `id` for several; `{ customer_groups, count, … }`. */
  listGroups: command<ListCustomerGroupsQuery, CustomerGroupList>('customer.group.list'),
  getGroup: command<CustomerGroupRef, CustomerGroupReply>('customer.group.get'),
  /** A group's members, paged. */
  groupMembers: command<GroupMembersQuery, Page & { customers: Customer[] }>('customer.group.members'),
  /** A new group (422 `duplicate_error` for a name in use); once per key. */
  createGroup: command<CreateCustomerGroupRequest, CustomerGroupReply>('customer.group.create'),
  updateGroup: command<UpdateCustomerGroupRequest, CustomerGroupReply>('customer.group.update'),
  /** Deletes a group and its memberships: its price lists then apply to nobody. */
  deleteGroup: command<CustomerGroupRef, DeletedReply>('customer.group.delete'),
  /** Adds customers to a group (404 naming unknown ones, and nobody added). */
  addGroupCustomers: command<GroupCustomersRequest, CustomerGroupReply>('customer.group.add-customers'),
  removeGroupCustomers: command<GroupCustomersRequest, CustomerGroupReply>('customer.group.remove-customers'),
} as const;
