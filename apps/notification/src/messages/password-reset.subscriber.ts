import { Inject, Injectable } from '@nestjs/common';
import { CustomerEvents, EventEnvelope, PasswordResetRequested } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';
import { mailStatement } from './mail-statement';
import { NotificationConfig } from '../config/notification-config';
import { NOTIFICATION_CONFIG } from '../config/notification-config.token';

/** Mails the customer their password reset token (and the storefront's reset link, when configured). */
@Injectable()
@EventSubscriber()
export class PasswordResetMailSubscriber implements StatementSubscription {
  readonly consumer = 'notification-mail-password-reset';
  readonly subject = CustomerEvents.passwordResetRequested.subject;
  readonly startAt = 'new' as const;

  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {}

  statement(event: EventEnvelope): EffectStatement {
    const reset = eventData(event, PasswordResetRequested);
    const link = this.config.passwordResetUrl
      ? `${this.config.passwordResetUrl}?${new URLSearchParams({ token: reset.token, email: reset.email })}`
      : null;
    const body = [
      'Someone asked to reset the password of your account. / 有人申请重置您账户的密码。',
      '',
      ...(link ? [`Reset it here / 点此重置: ${link}`] : [`Your reset token / 重置令牌: ${reset.token}`]),
      `It works once, until ${reset.expires_at}. / 仅可使用一次，有效期至 ${reset.expires_at}。`,
      '',
      'If it was not you, ignore this mail. / 如非本人操作，请忽略此邮件。',
    ].join('\n');
    return mailStatement('password_reset', reset.email, { subject: 'Reset your password / 重置密码', body });
  }
}
