import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  AddAddressRequest,
  AddressPayload,
  CustomerCommands,
  CustomerOrdersReply,
  CustomerOrdersRequest,
  CustomerReply,
  OrderCommands,
  PasswordResetRequest,
  PasswordTokenRequest,
  RegisterCustomerRequest,
  SavedMethodCommands,
  SavedMethodRemoved,
  SavedMethodsReply,
  UpdateCustomerRequest,
} from '@app/contracts';
import { CommandClient } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from '../auth/authenticator.service';
import { SignIn } from '../auth/sign-in.service';

/** Medusa v1's store customers: registration, and the signed-in customer's details and address book. */
@Controller('store/customers')
export class CustomersController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
    private readonly signIn: SignIn,
  ) {}

  /** `POST /store/customers`: registers, and signs the new customer in (a cookie session), as Medusa does. */
  @Post()
  @HttpCode(200)
  async register(
    @Body() body: RegisterCustomerRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerReply> {
    const registered = await this.commands.request(CustomerCommands.register, body);
    await this.signIn.openSession({ actor: 'customer', actor_id: registered.customer.id }, reply);
    return registered;
  }

  /**
   * `POST /store/customers/password-token`: mails a reset token when the email has an account;
   * always 204, so the answer tells nobody whether it has (throttled per email).
   */
  @Post('password-token')
  @HttpCode(204)
  async passwordToken(@Body() body: PasswordTokenRequest): Promise<void> {
    await this.commands.request(CustomerCommands.requestPasswordReset, body);
  }

  /** `POST /store/customers/password-reset`: a new password with a mailed token (single use). */
  @Post('password-reset')
  @HttpCode(200)
  passwordReset(@Body() body: PasswordResetRequest): Promise<CustomerReply> {
    return this.commands.request(CustomerCommands.resetPassword, body);
  }

  @Get('me')
  async me(@Req() request: FastifyRequest): Promise<CustomerReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(CustomerCommands.get, { customer_id });
  }

  @Post('me')
  @HttpCode(200)
  async update(@Req() request: FastifyRequest, @Body() body: UpdateCustomerRequest): Promise<CustomerReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(CustomerCommands.update, { ...body, customer_id });
  }

  /** `GET /store/customers/me/orders`: served by the order app, by the customer's id. */
  @Get('me/orders')
  async orders(
    @Req() request: FastifyRequest,
    @Query() query: CustomerOrdersRequest,
  ): Promise<CustomerOrdersReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(OrderCommands.listByCustomer, { ...query, customer_id });
  }

  /**
   * `GET /store/customers/me/payment-methods`: the cards each provider keeps for the customer (the
   * cashier's cards on file), as Medusa lists them: `{ provider_id, data }`, never the provider's token.
   */
  @Get('me/payment-methods')
  async paymentMethods(@Req() request: FastifyRequest): Promise<SavedMethodsReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(SavedMethodCommands.list, { customer_id });
  }

  /** `DELETE /store/customers/me/payment-methods/{id}`: the card forgotten at its provider (ours, beyond Medusa v1). */
  @Delete('me/payment-methods/:id')
  async removePaymentMethod(
    @Req() request: FastifyRequest,
    @Param('id') id: string,
  ): Promise<SavedMethodRemoved> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(SavedMethodCommands.remove, { customer_id, id });
  }

  @Post('me/addresses')
  @HttpCode(200)
  async addAddress(@Req() request: FastifyRequest, @Body() body: AddAddressRequest): Promise<CustomerReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(CustomerCommands.addAddress, { ...body, customer_id });
  }

  @Post('me/addresses/:address_id')
  @HttpCode(200)
  async updateAddress(
    @Req() request: FastifyRequest,
    @Param('address_id') address_id: string,
    @Body() body: AddressPayload,
  ): Promise<CustomerReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(CustomerCommands.updateAddress, { ...body, customer_id, address_id });
  }

  @Delete('me/addresses/:address_id')
  async deleteAddress(
    @Req() request: FastifyRequest,
    @Param('address_id') address_id: string,
  ): Promise<CustomerReply> {
    const customer_id = await this.authenticator.customerId(request);
    return this.commands.request(CustomerCommands.deleteAddress, { customer_id, address_id });
  }
}
