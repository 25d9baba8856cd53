import { Inject, Injectable } from '@nestjs/common';
import { EmailRef, SignedIn, SignInCommand } from '@app/contracts';
import { DomainError, PreparedStatements } from '@app/platform';
import { CUSTOMER_CONFIG, CustomerConfig } from '../config/customer-config';
import { verifyPassword } from './passwords';
import { Throttle } from './throttle.service';

/**
 * Sign-in by email and password, for customers with an account and for admin users. An unknown
 * email and a wrong password get the same 401 after the same work (a key is derived either way);
 * after `SIGN_IN_LIMIT` failures for an email in a window, known or not, every attempt is a 429.
 */
@Injectable()
export class Authentication {
  constructor(
    private readonly statements: PreparedStatements,
    private readonly throttle: Throttle,
    @Inject(CUSTOMER_CONFIG) private readonly config: CustomerConfig,
  ) {}

  async signIn(command: SignInCommand): Promise<SignedIn> {
    const key = `sign-in:${command.actor}:${command.email}`;
    await this.throttle.check(key, this.config.signInLimit);
    const [account] = await this.statements.rows<{ id: string; password_hash: string | null }>(
      command.actor === 'admin'
        ? {
            name: 'admin_credentials',
            text: 'SELECT id, password_hash FROM customer.admin_user WHERE email = $1',
            values: [command.email],
          }
        : {
            name: 'customer_credentials',
            text: `SELECT id, password_hash FROM customer.customer
                   WHERE email = $1 AND has_account AND deleted_at IS NULL`,
            values: [command.email],
          },
    );
    if (!(await verifyPassword(command.password, account?.password_hash ?? null))) {
      await this.throttle.count(key);
      throw DomainError.unauthenticated();
    }
    return { actor: command.actor, actor_id: account.id };
  }

  /** `GET /store/auth/{email}`: whether the email has an account (throttled per email). */
  async exists(query: EmailRef): Promise<{ exists: boolean }> {
    await this.throttle.take(`exists:${query.email}`, this.config.lookupLimit);
    const rows = await this.statements.rows({
      name: 'customer_account_exists',
      text: 'SELECT 1 FROM customer.customer WHERE email = $1 AND has_account AND deleted_at IS NULL',
      values: [query.email],
    });
    return { exists: rows.length > 0 };
  }
}
