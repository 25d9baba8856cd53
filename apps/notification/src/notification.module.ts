import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@app/platform';
import { EventLogModule } from './event-log/event-log.module';
import { CreateEventLog1767225700000 } from './migrations/1767225700000-create-event-log';

/**
 * The notification app: subscribes to domain events; merchant webhooks and customer messages come
 * with their issues. It owns the `notification` schema.
 */
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
          database: { entities: [], migrations: [CreateEventLog1767225700000] },
        }),
        EventLogModule,
      ],
    };
  }
}
