import { Injectable } from '@nestjs/common';
import { CartEvents, EventEnvelope, GiftCardIssued } from '@app/contracts';
import { EffectStatement, eventData, EventSubscriber, StatementSubscription } from '@app/platform';
import { money } from '../webhooks/webhook-payloads';
import { mailStatement } from './mail-statement';

/** Sends a gift card bought in an order to its recipient, with its code and value. */
@Injectable()
@EventSubscriber()
export class GiftCardIssuedMailSubscriber implements StatementSubscription {
  readonly consumer = 'notification-mail-gift-card-issued';
  readonly subject = CartEvents.giftCardIssued.subject;
  readonly startAt = 'new' as const;

  statement(event: EventEnvelope): EffectStatement {
    const card = eventData(event, GiftCardIssued);
    return mailStatement('gift_card_issued', card.email, {
      subject: 'Your gift card / 您的礼品卡',
      body: [
        'Someone sent you a gift card. / 您收到了一张礼品卡。',
        '',
        `Code / 卡号: ${card.code}`,
        `Value / 面值: ${money(card.value, card.currency_code)}`,
        '',
        'Enter the code at checkout. / 结账时输入卡号即可使用。',
      ].join('\n'),
    });
  }
}
