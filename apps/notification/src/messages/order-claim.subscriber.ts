import { Injectable } from '@nestjs/common';
import { EventEnvelope, OrderClaimRequested, OrderEvents } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';
import { mailStatement } from './mail-statement';

/** Mails the token that claims guest orders to the email they were placed with. */
@Injectable()
@EventSubscriber()
export class OrderClaimMailSubscriber implements StatementSubscription {
  readonly consumer = 'notification-mail-order-claim';
  readonly subject = OrderEvents.claimRequested.subject;
  readonly startAt = 'new' as const;

  statement(event: EventEnvelope): EffectStatement {
    const claim = eventData(event, OrderClaimRequested);
    const orders = claim.display_ids.map((id) => `#${id}`).join(', ');
    const body = [
      `Someone signed in to an account asked to add your orders ${orders} to it. / 有人申请将您的订单 ${orders} 关联到其账户。`,
      '',
      `If it was you, confirm with this token / 如为本人操作，请使用此令牌确认: ${claim.token}`,
      `It works once, until ${claim.expires_at}. / 仅可使用一次，有效期至 ${claim.expires_at}。`,
      '',
      'If it was not you, ignore this mail. / 如非本人操作，请忽略此邮件。',
    ].join('\n');
    return mailStatement('order_claim', claim.email, {
      subject: `Claim your orders ${orders} / 关联订单 ${orders}`,
      body,
    });
  }
}
