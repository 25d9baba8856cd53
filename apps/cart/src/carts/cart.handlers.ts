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
  CreateGiftCardRequest,
  DiscountConditionTargets,
  DiscountConditionTargetsQuery,
  DiscountRef,
  GiftCardList,
  GiftCardReply,
  LineItemRef,
  ListGiftCardsQuery,
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

/**
 * Cart commands. Every write runs once per Idempotency-Key, its reply stored with its effect; other
 * apps are asked before the write's transaction opens.
 */
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
    return this.idempotency.runInSteps(CartCommands.create.subject, command, (unit) =>
      this.carts.create(unit, command),
    );
  }

  @MessagePattern(CartCommands.get.subject)
  get(@Payload() command: CartRef): Promise<CartReply> {
    return this.carts.get(command);
  }

  @MessagePattern(CartCommands.update.subject)
  update(@Payload() command: UpdateCartCommand): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.update.subject, command, (unit) =>
      this.carts.update(unit, command),
    );
  }

  @MessagePattern(CartCommands.addLineItem.subject)
  addLineItem(@Payload() command: AddLineItemCommand): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.addLineItem.subject, command, (unit) =>
      this.lines.add(unit, command),
    );
  }

  @MessagePattern(CartCommands.updateLineItem.subject)
  updateLineItem(@Payload() command: UpdateLineItemCommand): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.updateLineItem.subject, command, (unit) =>
      this.lines.update(unit, command),
    );
  }

  @MessagePattern(CartCommands.deleteLineItem.subject)
  deleteLineItem(@Payload() command: LineItemRef): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.deleteLineItem.subject, command, (unit) =>
      this.lines.remove(unit, command),
    );
  }

  @MessagePattern(CartCommands.addShippingMethod.subject)
  addShippingMethod(@Payload() command: AddShippingMethodCommand): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.addShippingMethod.subject, command, (unit) =>
      this.shipping.add(unit, command),
    );
  }

  @MessagePattern(CartCommands.calculateTaxes.subject)
  calculateTaxes(@Payload() command: CartRef): Promise<CartReply> {
    return this.idempotency.run(
      CartCommands.calculateTaxes.subject,
      command,
      () => this.carts.taxes(command),
      {
        transaction: false,
      },
    );
  }

  @MessagePattern(CartCommands.discountConditionTargets.subject)
  discountConditionTargets(
    @Payload() query: DiscountConditionTargetsQuery,
  ): Promise<DiscountConditionTargets> {
    return this.discounts.conditionTargets(query);
  }

  @MessagePattern(CartCommands.removeDiscount.subject)
  removeDiscount(@Payload() command: DiscountRef): Promise<CartReply> {
    return this.idempotency.runInSteps(CartCommands.removeDiscount.subject, command, (unit) =>
      this.discounts.remove(unit, command),
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

  /** Under the Idempotency-Key: a retried issue answers the card issued first, never a second one. */
  @MessagePattern(CartCommands.createGiftCard.subject)
  createGiftCard(@Payload() request: CreateGiftCardRequest): Promise<GiftCardReply> {
    return this.idempotency.run(
      CartCommands.createGiftCard.subject,
      request,
      () => this.giftCards.create(request),
      {
        transaction: false,
      },
    );
  }

  @MessagePattern(CartCommands.listGiftCards.subject)
  listGiftCards(@Payload() query: ListGiftCardsQuery): Promise<GiftCardList> {
    return this.giftCards.list(query);
  }
}
