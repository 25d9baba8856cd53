import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@app/platform';
import { DataSource } from 'typeorm';
import { NotificationConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';
import { OutgoingSms, SMS_PROVIDER, SmsProvider } from './sms-provider';

const MAX_ATTEMPTS = 5;
/** How long a pass's claim on its batch lasts: longer than sending a batch can take. */
const CLAIM_MS = 120_000;

/**
 * Sends pending text messages through the configured provider (`SMS_TRANSPORT`: the log, files, or
 * Aliyun SMS), as the mailer sends mail: a batch claimed for a while in one statement (replicas
 * take disjoint batches), sent with nothing locked, every outcome recorded in one statement; a
 * refused message is tried again at the next passes, up to five times.
 */
@Injectable()
export class SmsSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmsSender');
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SMS_PROVIDER) private readonly provider: SmsProvider,
    @Inject(NOTIFICATION_CONFIG) config: NotificationConfig,
  ) {
    this.task = new PeriodicTask('SmsSender', config.webhookPollMs, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  async tick(): Promise<void> {
    const [pending]: [OutgoingSms[], number] = await this.dataSource.query(
      `UPDATE notification.sms s SET claimed_until = now() + make_interval(secs => $1::float / 1000)
       FROM (SELECT id FROM notification.sms
             WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
             ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED) due
       WHERE s.id = due.id RETURNING s.id, s.phone, s.text, s.template_params`,
      [CLAIM_MS],
    );
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
    await this.dataSource.query(
      `UPDATE notification.sms s SET attempts = s.attempts + 1, claimed_until = NULL,
         status = CASE WHEN outcome.sent THEN 'sent' WHEN s.attempts + 1 >= $4 THEN 'failed' ELSE 'pending' END,
         transport_id = outcome.transport_id, sent_at = CASE WHEN outcome.sent THEN now() END
       FROM unnest($1::text[], $2::boolean[], $3::text[]) AS outcome (id, sent, transport_id)
       WHERE s.id = outcome.id`,
      [pending.map((message) => message.id), sent.map((id) => id !== null), sent, MAX_ATTEMPTS],
    );
  }
}
