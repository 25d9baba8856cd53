import { createHmac, randomUUID } from 'node:crypto';
import { OutgoingSms, SmsProvider } from './sms-provider';

/** Aliyun SMS (Dysmsapi `SendSms`, API version 2017-05-25) settings. */
export interface AliyunSmsSettings {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  timeoutMs: number;
}

/** RFC 3986 percent-encoding, as Aliyun's RPC signature wants it (`*` and `'()!` encoded, `~` kept). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Aliyun's RPC signature (version 1.0): base64 HMAC-SHA1, keyed with the secret and `&`, over
 * `GET&%2F&` and the percent-encoded, sorted, percent-encoded query.
 */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join('&');
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

/**
 * Sends through Aliyun SMS: a signed `SendSms` call with the template's code and parameters (an SMS
 * in China goes out only through an approved template and signature). Accepted when Aliyun answers
 * `Code: "OK"`; its `BizId` is the message's id there.
 */
export class AliyunSmsProvider implements SmsProvider {
  constructor(private readonly settings: AliyunSmsSettings) {}

  async send(message: OutgoingSms): Promise<string> {
    const params: Record<string, string> = {
      AccessKeyId: this.settings.accessKeyId,
      Action: 'SendSms',
      Format: 'JSON',
      OutId: message.id,
      PhoneNumbers: message.phone,
      RegionId: 'cn-hangzhou',
      SignName: this.settings.signName,
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: randomUUID(),
      SignatureVersion: '1.0',
      TemplateCode: this.settings.templateCode,
      TemplateParam: JSON.stringify(message.template_params),
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Version: '2017-05-25',
    };
    const signature = aliyunSignature(params, this.settings.accessKeySecret);
    const query = Object.entries({ Signature: signature, ...params })
      .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
      .join('&');
    const response = await fetch(`${this.settings.endpoint.replace(/\/$/, '')}/?${query}`, {
      signal: AbortSignal.timeout(this.settings.timeoutMs),
    });
    const answer = (await response.json().catch(() => ({}))) as {
      Code?: string;
      Message?: string;
      BizId?: string;
    };
    if (!response.ok || answer.Code !== 'OK') {
      throw new Error(`Aliyun SMS refused: ${answer.Code ?? response.status} ${answer.Message ?? ''}`.trim());
    }
    return answer.BizId ?? message.id;
  }
}
