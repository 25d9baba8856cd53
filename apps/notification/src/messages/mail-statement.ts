import { EffectStatement, newId } from '@app/platform';
import { MessageKind, RenderedMail } from './mail-templates';

/**
 * A customer's mail of `kind` for a new event, as the statement that records the event as seen
 * (the mailer sends it); one per event and kind.
 */
export function mailStatement(kind: MessageKind, recipient: string, mail: RenderedMail): EffectStatement {
  return {
    sql: `INSERT INTO notification.message (id, event_id, kind, recipient, subject, body)
          SELECT $3, event_id, $4, $5, $6, $7 FROM fresh ON CONFLICT (event_id, kind) DO NOTHING`,
    values: [newId('msg'), kind, recipient, mail.subject, mail.body],
  };
}
