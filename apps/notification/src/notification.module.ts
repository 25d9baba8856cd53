import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';

/** The notification app: domain-event subscribers, merchant webhooks and customer messages. It owns the `notification` schema. */
@Module({})
export class NotificationModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    return {
      module: NotificationModule,
      imports: [
        PlatformModule.forApp({
          app: 'notification',
          servesCommands: true,
          env,
          database: { entities: [], migrations: [] },
        }),
      ],
    };
  }
}
