import { ConfigError } from '@app/platform';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNotificationConfig, WEBHOOK_EVENTS } from './notification-config';

describe('notification configuration', () => {
  it('has no endpoints, hours of retries and mail to the log by default', () => {
    const config = loadNotificationConfig({});
    expect(config.webhooks).toEqual([]);
    expect(config.webhookBackoffMs.at(-1)).toBe(43_200_000);
    expect(config.mail.transport).toBe('log');
  });

  it('reads endpoints from MERCHANT_WEBHOOKS or a file, every event by default', () => {
    const endpoints = [{ url: 'https://merchant.example.com/hooks', secret: 's' }];
    expect(loadNotificationConfig({ MERCHANT_WEBHOOKS: JSON.stringify(endpoints) }).webhooks).toEqual([
      {
        url: 'https://merchant.example.com/hooks',
        secret: 's',
        channel: 'webhook',
        events: [...WEBHOOK_EVENTS],
      },
    ]);
    const file = join(mkdtempSync(join(tmpdir(), 'hooks-')), 'hooks.json');
    writeFileSync(file, JSON.stringify([{ ...endpoints[0], channel: 'feishu', events: ['order.paid'] }]));
    expect(loadNotificationConfig({ MERCHANT_WEBHOOKS_FILE: file }).webhooks[0]).toMatchObject({
      channel: 'feishu',
      events: ['order.paid'],
    });
  });

  it('names every bad endpoint field', () => {
    const bad = JSON.stringify([{ url: 'ftp://x', channel: 'pager', events: ['order.shipped'] }]);
    const error = (() => {
      try {
        loadNotificationConfig({ MERCHANT_WEBHOOKS: bad, MAIL_TRANSPORT: 'smtp' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    for (const part of [
      'url must be',
      'secret is required',
      'channel must be',
      'unknown events: order.shipped',
      'SMTP_URL',
    ]) {
      expect(error.message).toContain(part);
    }
    expect(() => loadNotificationConfig({ MERCHANT_WEBHOOKS: '{oops' })).toThrow(/JSON array/);
  });
});

describe('the notification app’s text messages', () => {
  it('go to the log by default, to files or to Aliyun SMS when asked', () => {
    expect(loadNotificationConfig({}).sms.transport).toBe('log');
    expect(loadNotificationConfig({ SMS_TRANSPORT: 'file', SMS_DIR: '/tmp/sms' }).sms).toMatchObject({
      transport: 'file',
      dir: '/tmp/sms',
    });
  });

  it('refuse Aliyun SMS without its keys, signature and template, naming each', () => {
    expect(() => loadNotificationConfig({ SMS_TRANSPORT: 'aliyun' })).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_ID[\s\S]*ALIYUN_SMS_ACCESS_KEY_SECRET[\s\S]*ALIYUN_SMS_SIGN_NAME[\s\S]*ALIYUN_SMS_TEMPLATE_CODE/,
    );
    expect(
      loadNotificationConfig({
        SMS_TRANSPORT: 'aliyun',
        ALIYUN_SMS_ACCESS_KEY_ID: 'id',
        ALIYUN_SMS_ACCESS_KEY_SECRET: 'secret',
        ALIYUN_SMS_SIGN_NAME: '店铺',
        ALIYUN_SMS_TEMPLATE_CODE: 'SMS_1',
      }).sms.aliyun,
    ).toMatchObject({ endpoint: 'https://dysmsapi.aliyuncs.com', templateCode: 'SMS_1' });
  });
});
