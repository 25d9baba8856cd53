import { DynamicModule, Module } from '@nestjs/common';
import { checkConfiguration, loadPlatformConfig, PlatformModule } from '@app/platform';
import { loadNotificationConfig } from './config/notification-config';
import { NOTIFICATION_CONFIG } from './config/notification-config.token';
import { EventLogModule } from './event-log/event-log.module';
import { Mailer } from './messages/mailer.service';
import { MESSAGE_SUBSCRIBERS } from './messages/message-subscribers';
import { CreateEventLog1767225700000 } from './migrations/1767225700000-create-event-log';
import { CreateWebhooks1767226500000 } from './migrations/1767226500000-create-webhooks';
import { MailClaims1767230100000 } from './migrations/1767230100000-mail-claims';
import { PasswordResetMail1767230700000 } from './migrations/1767230700000-password-reset-mail';
import { PasswordResetMailSubscriber } from './messages/password-reset.subscriber';
import { OrderClaimMailSubscriber } from './messages/order-claim.subscriber';
import { OrderClaimMail1767230900000 } from './migrations/1767230900000-order-claim-mail';
import { CreateSms1767231800000 } from './migrations/1767231800000-create-sms';
import { ReturnMail1767232400000 } from './migrations/1767232400000-return-mail';
import { GiftCardMail1767232500000 } from './migrations/1767232500000-gift-card-mail';
import { ReturnReceivedMailSubscriber } from './messages/return-received.subscriber';
import { GiftCardIssuedMailSubscriber } from './messages/gift-card-issued.subscriber';
import { smsProvider } from './sms/sms-providers';
import { SMS_PROVIDER } from './sms/sms-provider';
import { PresaleReminderSubscriber } from './sms/presale-reminder.subscriber';
import { SmsSender } from './sms/sms-sender.service';
import { upsertEndpoints, WebhookDeliveries } from './webhooks/webhook-deliveries.service';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';
import { WEBHOOK_SUBSCRIBERS } from './webhooks/webhook-subscribers';

/**
 * The notification app: subscribes to domain events and tells the outside world — merchant
 * webhooks (signed, retried, dead-lettered; a Feishu bot as a channel), customer mail (order
 * confirmation, payment receipt) and text messages (the presale balance reminder). It owns the
 * `notification` schema.
 */
@Module({})
export class NotificationModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    const environment = env ?? process.env;
    // Every bad variable of every configuration named at once.
    checkConfiguration(
      () => loadPlatformConfig('notification', environment),
      () => loadNotificationConfig(environment),
    );
    const config = loadNotificationConfig(env ?? process.env);
    return {
      module: NotificationModule,
      imports: [
        PlatformModule.forApp({
          app: 'notification',
          servesCommands: true,
          env,
          database: {
            entities: [],
            migrations: [
              CreateEventLog1767225700000,
              CreateWebhooks1767226500000,
              MailClaims1767230100000,
              PasswordResetMail1767230700000,
              OrderClaimMail1767230900000,
              CreateSms1767231800000,
              ReturnMail1767232400000,
              GiftCardMail1767232500000,
            ],
            // Not only when empty: the configured endpoints are the active ones at every start.
            afterMigrations: (dataSource) => upsertEndpoints(dataSource, config.webhooks),
          },
        }),
        EventLogModule,
      ],
      providers: [
        { provide: NOTIFICATION_CONFIG, useValue: config },
        WebhookDeliveries,
        WebhookDispatcher,
        Mailer,
        ...WEBHOOK_SUBSCRIBERS,
        ...MESSAGE_SUBSCRIBERS,
        PasswordResetMailSubscriber,
        OrderClaimMailSubscriber,
        ReturnReceivedMailSubscriber,
        GiftCardIssuedMailSubscriber,
        { provide: SMS_PROVIDER, useValue: smsProvider(config) },
        SmsSender,
        PresaleReminderSubscriber,
      ],
    };
  }
}
