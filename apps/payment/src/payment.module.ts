import { DynamicModule, Module } from '@nestjs/common';
import { checkConfiguration, loadPlatformConfig, PlatformModule } from '@app/platform';
import { loadPaymentConfig } from './config/payment-config';
import { PAYMENT_CONFIG } from './config/payment-config.token';
import { CreatePaymentSessions1767226100000 } from './migrations/1767226100000-create-payment-sessions';
import { AddRefunds1767226700000 } from './migrations/1767226700000-add-refunds';
import { PendingRefunds1767226800000 } from './migrations/1767226800000-pending-refunds';
import { PointsLedger1767231000000 } from './migrations/1767231000000-points-ledger';
import { Charges1767231300000 } from './migrations/1767231300000-charges';
import { ChargeRefunds1767231400000 } from './migrations/1767231400000-charge-refunds';
import { PaymentCollections1767232700000 } from './migrations/1767232700000-payment-collections';
import { PaymentCollections } from './collections/payment-collections.service';
import { PaymentCollectionHandlers } from './collections/payment-collection.handlers';
import { ChargePoints } from './charges/charge-points.service';
import {
  ChargeExpiredSubscriber,
  ChargeFailedSubscriber,
  ChargePaidSubscriber,
  OrderCanceledSubscriber,
} from './charges/charge-events.subscriber';
import { ChargeHandlers } from './charges/charge.handlers';
import { ChargeService } from './charges/charge.service';
import { PointsLedger } from './points/points-ledger.service';
import { PointsHandlers } from './points/points.handlers';
import { NotificationHandlers } from './notifications/notification.handlers';
import { NotificationService } from './notifications/notification.service';
import { AlipayProvider } from './providers/alipay/alipay.provider';
import { CashierProvider } from './providers/cashier/cashier.provider';
import { ManualProvider } from './providers/manual.provider';
import { ProviderRegistry } from './providers/provider-registry.service';
import { WechatProvider } from './providers/wechat/wechat.provider';
import { AttemptExpiry } from './sessions/attempt-expiry.service';
import { AttemptRelease } from './sessions/attempt-release.service';
import { PaymentSessionHandlers } from './sessions/payment-session.handlers';
import { PaymentSessions } from './sessions/payment-session.service';
import { SupersededPayments } from './sessions/superseded-payments.service';
import { PendingRefunds } from './sessions/pending-refunds.service';
import { RefundCompletion } from './sessions/refund-completion.service';
import { SavedMethodHandlers } from './saved-methods/saved-methods.handlers';
import { SavedPaymentMethods } from './saved-methods/saved-methods.service';

/**
 * The payment app: payment providers, the provider side of cart payment sessions, provider
 * notifications, payments of existing orders (points, WeChat, Alipay or mixed), the customers' points
 * ledger, and the cards the providers keep for customers. It owns the `payment` schema.
 */
@Module({})
export class PaymentModule {
  static forRoot(env?: Record<string, string | undefined>): DynamicModule {
    const environment = env ?? process.env;
    // Every bad variable of every configuration named at once.
    checkConfiguration(
      () => loadPlatformConfig('payment', environment),
      () => loadPaymentConfig(environment),
    );
    return {
      module: PaymentModule,
      imports: [
        PlatformModule.forApp({
          app: 'payment',
          servesCommands: true,
          env,
          database: {
            entities: [],
            migrations: [
              CreatePaymentSessions1767226100000,
              AddRefunds1767226700000,
              PendingRefunds1767226800000,
              PointsLedger1767231000000,
              Charges1767231300000,
              ChargeRefunds1767231400000,
              PaymentCollections1767232700000,
            ],
          },
        }),
      ],
      controllers: [
        PaymentSessionHandlers,
        NotificationHandlers,
        PointsHandlers,
        ChargeHandlers,
        PaymentCollectionHandlers,
        SavedMethodHandlers,
      ],
      providers: [
        { provide: PAYMENT_CONFIG, useValue: loadPaymentConfig(env ?? process.env) },
        ManualProvider,
        CashierProvider,
        WechatProvider,
        AlipayProvider,
        ProviderRegistry,
        AttemptRelease,
        AttemptExpiry,
        SupersededPayments,
        PendingRefunds,
        RefundCompletion,
        PaymentSessions,
        PaymentCollections,
        SavedPaymentMethods,
        NotificationService,
        PointsLedger,
        ChargePoints,
        ChargeService,
        ChargePaidSubscriber,
        ChargeExpiredSubscriber,
        ChargeFailedSubscriber,
        OrderCanceledSubscriber,
      ],
    };
  }
}
