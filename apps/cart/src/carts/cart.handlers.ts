import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddLineItemCommand,
  AddShippingMethodCommand,
  CartCommands,
  CartPricingContext,
  CartRef,
  CartReply,
  CodeInput,
  CreateCartCommand,
  DiscountRef,
  GiftCardReply,
  LineItemRef,
  ShippingOptionList,
  UpdateCartCommand,
  UpdateLineItemCommand,
} from '@app/contracts';
import { Idempotency } from '@app/platform';
import { DiscountService } from '../discounts/discount.service';
import { GiftCardService } from '../gift-cards/gift-card.service';
import { LineItemService } from '../line-items/line-item.service';
import { ShippingMethodService } from '../shipping/shipping-method.service';
import { CartService } from './cart.service';

/** Cart commands. Every write runs once per Idempotency-Key, its reply stored with its effect. */
@Controller()
export class CartHandlers {
  constructor(
    private readonly idempotency: Idempotency,
    private readonly carts: CartService,
    private readonly lines: LineItemService,
    private readonly discounts: DiscountService,
    private readonly giftCards: GiftCardService,
    private readonly shipping: ShippingMethodService,
  ) {}

  @MessagePattern(CartCommands.create.subject)
  create(@Payload() command: CreateCartCommand): Promise<CartReply> {
    return this.idempotency.run(CartCommands.create.subject, command, (manager) =>
      this.carts.create(manager, command),
    );
  }

  @MessagePattern(CartCommands.get.subject)
  get(@Payload() command: CartRef): Promise<CartReply> {
    return this.carts.get(command);
  }

  @MessagePattern(CartCommands.update.subject)
  update(@Payload() command: UpdateCartCommand): Promise<CartReply> {
    return this.idempotency.run(CartCommands.update.subject, command, (manager) =>
      this.carts.update(manager, command),
    );
  }

  @MessagePattern(CartCommands.addLineItem.subject)
  addLineItem(@Payload() command: AddLineItemCommand): Promise<CartReply> {
    return this.idempotency.run(CartCommands.addLineItem.subject, command, (manager) =>
      this.lines.add(manager, command),
    );
  }

  @MessagePattern(CartCommands.updateLineItem.subject)
  updateLineItem(@Payload() command: UpdateLineItemCommand): Promise<CartReply> {
    return this.idempotency.run(CartCommands.updateLineItem.subject, command, (manager) =>
      this.lines.update(manager, command),
    );
  }

  @MessagePattern(CartCommands.deleteLineItem.subject)
  deleteLineItem(@Payload() command: LineItemRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.deleteLineItem.subject, command, (manager) =>
      this.lines.remove(manager, command),
    );
  }

  @MessagePattern(CartCommands.addShippingMethod.subject)
  addShippingMethod(@Payload() command: AddShippingMethodCommand): Promise<CartReply> {
    return this.idempotency.run(CartCommands.addShippingMethod.subject, command, (manager) =>
      this.shipping.add(manager, command),
    );
  }

  @MessagePattern(CartCommands.calculateTaxes.subject)
  calculateTaxes(@Payload() command: CartRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.calculateTaxes.subject, command, () =>
      this.carts.taxes(command),
    );
  }

  @MessagePattern(CartCommands.removeDiscount.subject)
  removeDiscount(@Payload() command: DiscountRef): Promise<CartReply> {
    return this.idempotency.run(CartCommands.removeDiscount.subject, command, (manager) =>
      this.discounts.remove(manager, command),
    );
  }

  @MessagePattern(CartCommands.listShippingOptions.subject)
  listShippingOptions(@Payload() command: CartRef): Promise<ShippingOptionList> {
    return this.shipping.options(command);
  }

  @MessagePattern(CartCommands.pricingContext.subject)
  pricingContext(@Payload() command: CartRef): Promise<CartPricingContext> {
    return this.carts.pricingContext(command);
  }

  @MessagePattern(CartCommands.getGiftCard.subject)
  getGiftCard(@Payload() command: CodeInput): Promise<GiftCardReply> {
    return this.giftCards.retrieve(command.code);
  }
}
