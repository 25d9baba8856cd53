import { Injectable } from '@nestjs/common';
import { EventEnvelope, OrderEvents, OrderReturnReceived } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';
import { money } from '../webhooks/webhook-payloads';
import { mailStatement } from './mail-statement';

/** Tells the customer their return arrived and what is refunded. */
@Injectable()
@EventSubscriber()
export class ReturnReceivedMailSubscriber implements StatementSubscription {
  readonly consumer = 'notification-mail-return-received';
  readonly subject = OrderEvents.returnReceived.subject;
  readonly startAt = 'new' as const;

  statement(event: EventEnvelope): EffectStatement {
    const received = eventData(event, OrderReturnReceived);
    const refund = money(received.refund_amount, received.currency_code);
    return mailStatement('return_received', received.email, {
      subject: `Return received for order #${received.display_id} / 订单 #${received.display_id} 退货已签收`,
      body: [
        'We have received the items you sent back. / 我们已收到您退回的商品。',
        '',
        `Order / 订单号: #${received.display_id}`,
        `Refund / 退款: ${refund}`,
        '',
        'The refund goes back the way you paid. / 退款将按原支付方式退回。',
      ].join('\n'),
    });
  }
}
