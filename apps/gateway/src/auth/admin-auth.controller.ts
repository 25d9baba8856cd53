import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { SignInRequest } from '@app/contracts';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticator } from './authenticator.service';
import { SignIn } from './sign-in.service';

/**
 * Medusa v1's admin sign-in: `POST /admin/auth` (cookie session), `POST /admin/auth/token` (access
 * token), `GET /admin/auth` (the signed-in admin user), `DELETE /admin/auth`. Every admin route
 * checks its caller with `Authenticator.adminId`.
 */
@Controller('admin/auth')
export class AdminAuthController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly signIn: SignIn,
  ) {}

  @Post()
  @HttpCode(200)
  async create(
    @Body() body: SignInRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ user: { id: string; email: string } }> {
    const signedIn = await this.signIn.check('admin', body);
    await this.signIn.openSession(signedIn, reply);
    return { user: { id: signedIn.actor_id, email: body.email } };
  }

  @Post('token')
  @HttpCode(200)
  async token(@Body() body: SignInRequest): Promise<{ access_token: string }> {
    return this.signIn.token(await this.signIn.check('admin', body));
  }

  @Get()
  async current(@Req() request: FastifyRequest): Promise<{ user: { id: string } }> {
    return { user: { id: await this.authenticator.adminId(request) } };
  }

  @Delete()
  async remove(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await this.signIn.signOut(await this.authenticator.caller(request), reply);
    await reply.status(200).type('text/plain').send('OK');
  }
}
