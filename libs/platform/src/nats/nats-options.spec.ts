import { loadPlatformConfig } from '../config/platform-config';
import { natsConnectionOptions } from './nats-options';

describe('natsConnectionOptions', () => {
  const config = loadPlatformConfig('cart', { NATS_URL: 'nats://a:4222,nats://b:4222' });

  it('reconnects forever once connected', () => {
    expect(natsConnectionOptions(config, 'server')).toMatchObject({
      servers: ['nats://a:4222', 'nats://b:4222'],
      maxReconnectAttempts: -1,
    });
  });

  it('names the connection after the app and its role, so the server shows who is who', () => {
    expect(natsConnectionOptions(config, 'server').name).toBe('cart-server');
    expect(natsConnectionOptions(config, 'client').name).toBe('cart-client');
  });
});
