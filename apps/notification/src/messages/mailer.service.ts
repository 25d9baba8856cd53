import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { PeriodicWork } from '@app/platform';
import { DataSource } from 'typeorm';
import { NotificationConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';
import { claimPending, settleSent } from './outgoing-batches';

interface PendingMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends pending customer mail through nodemailer: SMTP in production (`MAIL_TRANSPORT=smtp`), else
 * the log (each message as one JSON log line) or one `.eml`-like JSON file per message in
 * `MAIL_DIR`. Replicas claim disjoint batches (`SKIP LOCKED`); a message is marked sent after it went out.
 */
@Injectable()
export class Mailer extends PeriodicWork {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    super();
    this.transport =
      config.mail.transport === 'smtp'
        ? nodemailer.createTransport(config.mail.smtpUrl)
        : nodemailer.createTransport({ jsonTransport: true });
    this.runEvery('Mailer', config.webhookPollMs, () => this.tick());
  }

  /**
   * One pass over pending mail: claims a batch for a while (one statement, no transaction held
   * while the mail goes out), sends each, then records every outcome in one statement. A mailer that
   * dies meanwhile leaves its claim to expire, and the mail is sent again then.
   */
  async tick(): Promise<void> {
    const pending = await claimPending<PendingMessage>(this.dataSource, 'notification.message', [
      'id',
      'recipient',
      'subject',
      'body',
      'attempts',
    ]);
    if (!pending.length) return;
    const transportIds: (string | null)[] = [];
    for (const message of pending) transportIds.push(await this.send(message));
    await settleSent(
      this.dataSource,
      'notification.message',
      pending.map((message) => message.id),
      transportIds,
    );
  }

  /** Sends one message: the transport's id for it, or null when it failed. */
  private async send(message: PendingMessage): Promise<string | null> {
    try {
      const info = await this.transport.sendMail({
        from: this.config.mail.from,
        to: message.recipient,
        subject: message.subject,
        text: message.body,
      });
      this.deliverLocally(message, info.message);
      return String(info.messageId ?? message.id);
    } catch (error) {
      this.logger.warn(`Mail ${message.id} to ${message.recipient} failed: ${(error as Error).message}`);
      return null;
    }
  }

  /** The log and file transports: where a message goes when no SMTP server is configured. */
  private deliverLocally(message: PendingMessage, rendered: unknown): void {
    if (this.config.mail.transport === 'file') {
      mkdirSync(this.config.mail.dir, { recursive: true });
      writeFileSync(join(this.config.mail.dir, `${message.id}.json`), String(rendered));
    } else if (this.config.mail.transport === 'log') {
      this.logger.log(`Mail to ${message.recipient}: ${message.subject}`);
    }
  }
}
