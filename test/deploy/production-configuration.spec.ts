import { ConfigError } from '@app/platform';
import { DynamicModule } from '@nestjs/common';
import { CartModule } from '../../apps/cart/src/cart.module';
import { CatalogModule } from '../../apps/catalog/src/catalog.module';
import { CustomerModule } from '../../apps/customer/src/customer.module';
import { GatewayModule } from '../../apps/gateway/src/gateway.module';
import { NotificationModule } from '../../apps/notification/src/notification.module';
import { OrderModule } from '../../apps/order/src/order.module';
import { PaymentModule } from '../../apps/payment/src/payment.module';

const MODULES: Record<string, (env: Record<string, string | undefined>) => DynamicModule> = {
  gateway: (env) => GatewayModule.forRoot(env),
  catalog: (env) => CatalogModule.forRoot(env),
  cart: (env) => CartModule.forRoot(env),
  order: (env) => OrderModule.forRoot(env),
  payment: (env) => PaymentModule.forRoot(env),
  notification: (env) => NotificationModule.forRoot(env),
  customer: (env) => CustomerModule.forRoot(env),
};

/** The message of the ConfigError an app's root module refuses `env` with. */
function refusal(app: string, env: Record<string, string | undefined>): string {
  try {
    MODULES[app](env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`${app} accepted the configuration`);
}

/**
 * Production refuses to start on a missing, placeholder or sandbox value before it connects to
 * anything, naming every variable of every configuration the app reads (the platform's and its own)
 * in one message.
 */
describe('production configuration, app by app', () => {
  const PRODUCTION = { NODE_ENV: 'production' };

  it.each(Object.keys(MODULES))('%s names its NATS password with every other problem at once', (app) => {
    const message = refusal(app, {
      ...PRODUCTION,
      DATABASE_URL: 'postgres://checkout:change-me@db/commerce',
    });
    expect(message).toContain('NATS_PASSWORD must be set in production');
    expect(message).toContain('DATABASE_URL is a placeholder');
  });

  it('names the platform’s and the app’s own variables together', () => {
    const gateway = refusal('gateway', PRODUCTION);
    for (const name of ['NATS_PASSWORD', 'JWT_SECRET', 'COOKIE_SECRET']) expect(gateway).toContain(name);
    const payment = refusal('payment', PRODUCTION);
    for (const name of [
      'NATS_PASSWORD',
      'CASHIER_API_SECRET',
      'WECHAT_MERCHANT_PRIVATE_KEY',
      'ALIPAY_APP_ID',
    ])
      expect(payment).toContain(name);
    const customer = refusal('customer', { ...PRODUCTION, ADMIN_EMAIL: 'admin@shop.example' });
    expect(customer).toMatch(/NATS_PASSWORD[\s\S]*ADMIN_PASSWORD|ADMIN_PASSWORD[\s\S]*NATS_PASSWORD/);
  });

  it('starts building every app outside production without any variable (development defaults)', () => {
    for (const app of Object.keys(MODULES)) expect(() => MODULES[app]({})).not.toThrow();
  });
});
