import { createHmac } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AliyunSmsProvider } from '../src/sms/aliyun-sms.provider';

const SECRET = 'testsecret';

/**
 * A local fake of Aliyun's Dysmsapi: it checks each `SendSms` call's RPC signature (computed here
 * on its own, from the query it received) and answers as Aliyun does.
 */
class FakeAliyun {
  readonly calls: Record<string, string>[] = [];
  answer: Record<string, string> = {
    Code: 'OK',
    Message: 'OK',
    BizId: '900619746936498440^0',
    RequestId: 'R1',
  };
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const query = new URL(request.url ?? '/', 'http://fake').searchParams;
      const params = Object.fromEntries([...query].filter(([key]) => key !== 'Signature'));
      const encode = (value: string) =>
        encodeURIComponent(value)
          .replace(/!/g, '%21')
          .replace(/'/g, '%27')
          .replace(/\(/g, '%28')
          .replace(/\)/g, '%29')
          .replace(/\*/g, '%2A');
      const canonical = Object.keys(params)
        .sort()
        .map((key) => `${encode(key)}=${encode(params[key])}`)
        .join('&');
      const expected = createHmac('sha1', `${SECRET}&`)
        .update(`${request.method}&%2F&${encode(canonical)}`)
        .digest('base64');
      response.setHeader('content-type', 'application/json');
      if (query.get('Signature') !== expected) {
        response.statusCode = 400;
        response.end(
          JSON.stringify({ Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched' }),
        );
        return;
      }
      this.calls.push(params);
      response.end(JSON.stringify(this.answer));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('Aliyun SMS provider, against a local fake of its API', () => {
  const fake = new FakeAliyun();
  const provider = (secret = SECRET) =>
    new AliyunSmsProvider({
      endpoint: fake.url,
      accessKeyId: 'testid',
      accessKeySecret: secret,
      signName: '阿里云短信测试',
      templateCode: 'SMS_154950909',
      timeoutMs: 2_000,
    });
  const message = {
    id: 'msg_1',
    phone: '13912344768',
    text: '您的预售订单1尾款¥158.00已可支付',
    template_params: { order_code: '1', amount: '158.00', deadline: "12-16 12:00 (it's *now*)" },
  };

  beforeAll(() => fake.start());
  afterAll(() => fake.close());

  it('sends a signed SendSms with the template, its parameters and the phone, and answers the BizId', async () => {
    await expect(provider().send(message)).resolves.toBe('900619746936498440^0');
    expect(fake.calls.at(-1)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      PhoneNumbers: '13912344768',
      SignName: '阿里云短信测试',
      TemplateCode: 'SMS_154950909',
      OutId: 'msg_1',
    });
    expect(JSON.parse(fake.calls.at(-1)?.TemplateParam ?? '{}')).toEqual(message.template_params);
  });

  it('is refused when its signature does not verify, or Aliyun does not accept the message', async () => {
    await expect(provider('wrongsecret').send(message)).rejects.toThrow(/SignatureDoesNotMatch/);
    fake.answer = { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'too many messages' };
    await expect(provider().send(message)).rejects.toThrow(/isv.BUSINESS_LIMIT_CONTROL/);
  });
});
