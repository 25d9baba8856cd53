import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import { PeriodicTask } from '@app/platform';
import { DataSource } from 'typeorm';
import { NotificationConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';

interface PendingMessage {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

const MAX_ATTEMPTS = 5;

/**
 * Sends pending customer mail through nodemailer: SMTP in production (`MAIL_TRANSPORT=smtp`), else
 * the log (each message as one JSON log line) or one `.eml`-like JSON file per message in
 * `MAIL_DIR`. A message is sent once (claimed under `SKIP LOCKED`, marked sent in the same pass).
 */
@Injectable()
export class Mailer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;
  private readonly task: PeriodicTask;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
  ) {
    this.transport =
      config.mail.transport === 'smtp'
        ? nodemailer.createTransport(config.mail.smtpUrl)
        : nodemailer.createTransport({ jsonTransport: true });
    this.task = new PeriodicTask('Mailer', config.webhookPollMs, () => this.tick());
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): void {
    this.task.stop();
  }

  /** One pass over pending mail. */
  tick(): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const pending: PendingMessage[] = await manager.query(
        `SELECT id, recipient, subject, body, attempts FROM notification.message
           WHERE status = 'pending' ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED`,
      );
      for (const message of pending) {
        try {
          const info = await this.transport.sendMail({
            from: this.config.mail.from,
            to: message.recipient,
            subject: message.subject,
            text: message.body,
          });
          this.deliverLocally(message, info.message);
          await manager.query(
            `UPDATE notification.message SET status = 'sent', attempts = attempts + 1, transport_id = $2, sent_at = now() WHERE id = $1`,
            [message.id, info.messageId],
          );
        } catch (error) {
          await manager.query(
            `UPDATE notification.message SET attempts = attempts + 1,
                 status = CASE WHEN attempts + 1 >= $2 THEN 'failed' ELSE 'pending' END WHERE id = $1`,
            [message.id, MAX_ATTEMPTS],
          );
          this.logger.warn(`Mail ${message.id} to ${message.recipient} failed: ${(error as Error).message}`);
        }
      }
    });
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
