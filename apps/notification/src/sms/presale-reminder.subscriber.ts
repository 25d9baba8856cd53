import { Injectable } from '@nestjs/common';
import { EventEnvelope, OrderEvents, PresaleBalanceDue } from '@app/contracts';
import {
  EffectStatement,
  eventData,
  EventSubscriber,
  fromMinorUnits,
  newId,
  StatementSubscription,
} from '@app/platform';

/** A deadline as the reminder says it, in China time: `12-16 12:00`. */
function chinaDeadline(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/**
 * Seed 004's balance reminder: when a presale order's balance window opens, a text message to its
 * `tail_pay_notice_phone` (sent by the SMS sender), once per event.
 */
@Injectable()
@EventSubscriber()
export class PresaleReminderSubscriber implements StatementSubscription {
  readonly consumer = 'notification-sms-presale-balance-due';
  readonly subject = OrderEvents.presaleBalanceDue.subject;

  statement(event: EventEnvelope): EffectStatement {
    const due = eventData(event, PresaleBalanceDue);
    const params = {
      order_code: String(due.display_id),
      amount: fromMinorUnits(due.balance_amount, due.currency_code),
      deadline: chinaDeadline(due.balance_closes_at),
    };
    const text = `您的预售订单${params.order_code}尾款¥${params.amount}已可支付，请于${params.deadline}前完成支付。`;
    return {
      sql: `INSERT INTO notification.sms (id, event_id, kind, phone, template_params, text)
            SELECT $3, event_id, 'presale_balance_due', $4, $5, $6 FROM fresh ON CONFLICT (event_id, kind) DO NOTHING`,
      values: [newId('msg'), due.phone, JSON.stringify(params), text],
    };
  }
}
