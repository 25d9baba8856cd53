import { Injectable } from '@nestjs/common';
import { textAnswer } from './provider-http';
import {
  Attempt,
  Initiated,
  NotificationRejected,
  PaymentProvider,
  ProviderStatus,
} from './payment-provider';

/**
 * Medusa's system provider: nothing leaves the shop. A session opens pending and is authorized
 * when the cart is completed; there are no notifications.
 */
@Injectable()
export class ManualProvider implements PaymentProvider {
  readonly id = 'manual' as const;

  async initiate(): Promise<Initiated> {
    // Medusa's manual provider keeps its status in the session's data.
    return { status: 'pending', provider_reference: null, data: { status: 'pending' } };
  }

  async cancel(): Promise<void> {}

  async status(): Promise<ProviderStatus> {
    return 'authorized';
  }

  async authorize(): Promise<ProviderStatus> {
    return 'authorized';
  }

  async capture(): Promise<void> {}

  async refund(): Promise<void> {}

  updateData(_attempt: Attempt, data: Record<string, unknown>, current: Record<string, unknown>) {
    return { ...current, ...data };
  }

  verify(): never {
    throw new NotificationRejected('the manual provider sends no notifications');
  }

  acknowledge() {
    return textAnswer(200, 'OK');
  }

  refuse() {
    return textAnswer(400, 'rejected');
  }
}
