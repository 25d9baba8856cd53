import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CustomerCommands, CustomerReply, EmailRef, OrderCommands, SignInRequest } from '@app/contracts';
import { CommandClient, validatePlain } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator.service';
import { SignIn } from './sign-in.service';

/** How many of the customer's orders the auth routes show (Medusa shows all; the rest is in /customers/me/orders). */
const AUTH_ORDERS = 50;

/** Medusa v1's store auth: cookie sessions (`connect.sid`), access tokens, the email check. */
@Controller('store/auth')
export class StoreAuthController {
  constructor(
    private readonly commands: CommandClient,
    private readonly authenticator: Authenticator,
    private readonly signIn: SignIn,
  ) {}

  /** `POST /store/auth`: signs in with a cookie session and answers the customer. */
  @Post()
  @HttpCode(200)
  async create(
    @Body() body: SignInRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerReply> {
    const signedIn = await this.signIn.check('customer', body);
    await this.signIn.openSession(signedIn, reply);
    return this.withOrders(signedIn.actor_id);
  }

  /** `GET /store/auth`: the signed-in customer. */
  @Get()
  async current(@Req() request: FastifyRequest): Promise<CustomerReply> {
    return this.withOrders(await this.authenticator.customerId(request));
  }

  /**
   * The customer as Medusa's `StoreAuthRes` expands it: with the address book and the orders (with
   * their items) — the newest `AUTH_ORDERS`, so the answer stays within one message.
   */
  private async withOrders(customerId: string): Promise<CustomerReply> {
    const [{ customer }, { orders }] = await Promise.all([
      this.commands.request(CustomerCommands.get, { customer_id: customerId }),
      this.commands.request(OrderCommands.listByCustomer, { customer_id: customerId, limit: AUTH_ORDERS }),
    ]);
    return { customer: { ...customer, orders } };
  }

  /** `DELETE /store/auth`: ends the session; Medusa answers a bare 200 `OK`. */
  @Delete()
  async remove(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.signIn.signOut(await this.authenticator.caller(request), reply);
    await reply.status(200).type('text/plain').send('OK');
  }

  /** `POST /store/auth/token`: an access token for `Authorization: Bearer`. */
  @Post('token')
  @HttpCode(200)
  async token(@Body() body: SignInRequest): Promise<{ access_token: string }> {
    return this.signIn.token(await this.signIn.check('customer', body));
  }

  /** `GET /store/auth/{email}`: whether an account exists for the email. */
  @Get(':email')
  exists(@Param('email') email: string): Promise<{ exists: boolean }> {
    return this.commands.request(CustomerCommands.exists, validatePlain(EmailRef, { email }));
  }
}
