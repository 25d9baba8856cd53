import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { NotificationReply, PaymentCommands, ProviderNotification } from '@app/contracts';
import { NotificationService } from './notification.service';

/** Provider notifications, relayed by the gateway's `/hooks/payments/{provider}`. */
@Controller()
export class NotificationHandlers {
  constructor(private readonly notifications: NotificationService) {}

  @MessagePattern(PaymentCommands.receiveNotification.subject)
  receive(@Payload() notification: ProviderNotification): Promise<NotificationReply> {
    return this.notifications.receive(notification);
  }
}
