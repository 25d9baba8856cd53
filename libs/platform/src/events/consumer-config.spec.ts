import { AckPolicy, DeliverPolicy } from 'nats';
import { consumerConfig } from './event-consumers.service';

describe('durable consumer configuration', () => {
  const config = { consumerAckWaitMs: 30_000, consumerMaxDeliver: 8 };

  it('replays the stream for a new consumer by default: state must see every event', () => {
    const created = consumerConfig(
      { consumer: 'cart-x', subject: 'events.payment.session-authorized' },
      config,
    );
    expect(created).toMatchObject({
      durable_name: 'cart-x',
      filter_subject: 'events.payment.session-authorized',
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_deliver: 8,
    });
  });

  it('starts at what is published from then on when asked: a new webhook does not replay old orders', () => {
    const created = consumerConfig(
      { consumer: 'hooks', subject: 'events.order.paid', startAt: 'new' },
      config,
    );
    expect(created.deliver_policy).toBe(DeliverPolicy.New);
  });
});
