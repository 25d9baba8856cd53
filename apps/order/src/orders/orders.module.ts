import { Module } from '@nestjs/common';
import { OrderHandlers } from './order.handlers';
import { OrderService } from './order.service';

@Module({ controllers: [OrderHandlers], providers: [OrderService] })
export class OrdersModule {}
