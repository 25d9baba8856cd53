import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutgoingSms, SmsProvider } from './sms-provider';

/** Development's default: each message as one log line. */
export class LogSmsProvider implements SmsProvider {
  private readonly logger = new Logger('Sms');

  async send(message: OutgoingSms): Promise<string> {
    this.logger.log(`SMS to ${message.phone}: ${message.text}`);
    return message.id;
  }
}

/** One JSON file per message in a directory (tests, and seeing what would be sent). */
export class FileSmsProvider implements SmsProvider {
  constructor(private readonly dir: string) {}

  async send(message: OutgoingSms): Promise<string> {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, `${message.id}.json`), JSON.stringify(message));
    return message.id;
  }
}
