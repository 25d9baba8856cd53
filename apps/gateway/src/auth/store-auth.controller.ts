import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CustomerCommands, CustomerReply, EmailRef, SignInRequest } from '@app/contracts';
import { CommandClient, validatePlain } from '@app/platform';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator.service';
import { SignIn } from './sign-in.service';

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
    return this.commands.request(CustomerCommands.get, { customer_id: signedIn.actor_id });
  }

  /** `GET /store/auth`: the signed-in customer. */
  @Get()
  async current(@Req() request: FastifyRequest): Promise<CustomerReply> {
    const customerId = await this.authenticator.customerId(request);
    return this.commands.request(CustomerCommands.get, { customer_id: customerId });
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
