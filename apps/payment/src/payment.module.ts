import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';

/** The payment app: payment providers, sessions, payments, refunds and provider notifications. It owns the `payment` schema. */
@Module({})
export class PaymentModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: PaymentModule,
      imports: [
        PlatformModule.forApp({
          app: 'payment',
          servesCommands: true,
          env,
          database: { entities: [], migrations: [] },
        }),
      ],
    };
  }
}
