import { DynamicModule, Module } from '@nestjs/common';
import { checkConfiguration, loadPlatformConfig, PlatformModule } from '@app/platform';
import { ensureFirstAdmin } from './auth/admin-users';
import { AuthPruning } from './auth/auth-pruning.service';
import { AuthHandlers } from './auth/auth.handlers';
import { Authentication } from './auth/auth.service';
import { Sessions } from './auth/sessions.service';
import { Throttle } from './auth/throttle.service';
import { CUSTOMER_CONFIG, loadCustomerConfig } from './config/customer-config';
import { AdminCustomerHandlers } from './customers/admin-customer.handlers';
import { CustomerHandlers } from './customers/customer.handlers';
import { CustomerService } from './customers/customer.service';
import { CreateCustomers1767230400000 } from './migrations/1767230400000-create-customers';
import { CustomerGroups1767230500000 } from './migrations/1767230500000-customer-groups';
import { PasswordTokens1767230600000 } from './migrations/1767230600000-password-tokens';
import { OrderHistory1767233200000 } from './migrations/1767233200000-order-history';
import { OrderHistorySubscriber } from './customers/order-history.subscriber';
import { PasswordReset } from './auth/password-reset.service';
import { seedDemoGroups } from './customers/demo-groups.seed';
import { CustomerGroupHandlers } from './groups/customer-group.handlers';
import { CustomerGroups } from './groups/customer-groups.service';

/**
 * The customer app: customers and their address books, admin users, credentials (scrypt),
 * server-side sessions, sign-in throttling, and what each customer ordered before (from
 * `events.order.placed`). It owns the `customer` schema.
 */
@Module({})
export class CustomerModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    const environment = env ?? process.env;
    // Every bad variable of every configuration named at once.
    checkConfiguration(
      () => loadPlatformConfig('customer', environment),
      () => loadCustomerConfig(environment),
    );
    const config = loadCustomerConfig(env ?? process.env);
    return {
      module: CustomerModule,
      imports: [
        PlatformModule.forApp({
          app: 'customer',
          servesCommands: true,
          env,
          database: {
            entities: [],
            migrations: [
              CreateCustomers1767230400000,
              CustomerGroups1767230500000,
              PasswordTokens1767230600000,
              OrderHistory1767233200000,
            ],
            afterMigrations: (dataSource) => ensureFirstAdmin(dataSource, config),
            seedDemo: seedDemoGroups,
          },
        }),
      ],
      controllers: [CustomerHandlers, AdminCustomerHandlers, AuthHandlers, CustomerGroupHandlers],
      providers: [
        { provide: CUSTOMER_CONFIG, useValue: config },
        CustomerService,
        CustomerGroups,
        Authentication,
        Sessions,
        Throttle,
        PasswordReset,
        AuthPruning,
        OrderHistorySubscriber,
      ],
    };
  }
}
