import { NotificationConfig } from '../config/notification-config';
import { AliyunSmsProvider } from './aliyun-sms.provider';
import { FileSmsProvider, LogSmsProvider } from './local-sms.providers';
import { SmsProvider } from './sms-provider';

/** The provider `SMS_TRANSPORT` names. */
export function smsProvider(config: NotificationConfig): SmsProvider {
  switch (config.sms.transport) {
    case 'aliyun':
      return new AliyunSmsProvider(config.sms.aliyun);
    case 'file':
      return new FileSmsProvider(config.sms.dir);
    default:
      return new LogSmsProvider();
  }
}
