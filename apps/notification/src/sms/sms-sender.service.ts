import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { NotificationConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';
import { claimPending, settleSent } from '../messages/outgoing-batches';
import { OutgoingSms, SMS_PROVIDER, SmsProvider } from './sms-provider';

/**
 * Sends pending text messages through the configured provider (`SMS_TRANSPORT`: the log, files, or
 * Aliyun SMS), as the mailer sends mail: a batch claimed for a while in one statement (replicas
 * take disjoint batches), sent with nothing locked, every outcome recorded in one statement; a
 * refused message is tried again at the next passes, up to five times.
 */
@Injectable()
export class SmsSender extends PeriodicWork {
  private readonly logger = new Logger('SmsSender');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    super();
    this.runEvery('SmsSender', config.webhookPollMs, () => this.tick());
  }

  async tick(): Promise<void> {
    const pending = await claimPending<OutgoingSms>(this.dataSource, 'notification.sms', [
      'id',
      'phone',
      'text',
      'template_params',
    ]);
    if (!pending.length) return;
    const sent: (string | null)[] = [];
    for (const message of pending) {
      sent.push(
        await this.provider.send(message).catch((error: Error) => {
          this.logger.warn(`SMS ${message.id} failed: ${error.message}`);
          return null;
        }),
      );
    }
    await settleSent(
      this.dataSource,
      'notification.sms',
      pending.map((message) => message.id),
      sent,
    );
  }
}
