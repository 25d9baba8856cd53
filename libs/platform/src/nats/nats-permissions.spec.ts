import {
  COMMAND_CALLS,
  OrderCommands,
  PaymentCommands,
  CatalogCommands,
  CustomerCommands,
} from '@app/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NAMES, AppName } from '../config/app-name';
import { natsPermissions, natsServerAuthorization } from './nats-permissions';

const COMMAND_OWNERS: Record<string, AppName> = {
  CartCommands: 'cart',
  CatalogCommands: 'catalog',
  CustomerCommands: 'customer',
  OrderCommands: 'order',
  PaymentCommands: 'payment',
  PaymentCollectionCommands: 'payment',
  ChargeCommands: 'payment',
  PointsCommands: 'payment',
  SavedMethodCommands: 'payment',
};

/** `XCommands.name` references of other apps' commands in an app's sources (handlers aside). */
function commandsReferenced(app: AppName): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const line of readFileSync(path, 'utf8').split('\n')) {
          if (line.includes('@MessagePattern')) continue;
          for (const [, owner, name] of line.matchAll(/\b([A-Z][A-Za-z]*Commands)\.([a-zA-Z]+)/g)) {
            if (COMMAND_OWNERS[owner] && COMMAND_OWNERS[owner] !== app) found.add(`${owner}.${name}`);
          }
        }
      }
    }
  };
  walk(join(__dirname, '../../../../apps', app, 'src'));
  return [...found].sort();
}

describe('NATS permissions', () => {
  it('list, for every app, exactly the commands of other apps its sources send', () => {
    expect(Object.keys(COMMAND_CALLS).sort()).toEqual([...APP_NAMES].sort());
    for (const app of APP_NAMES) {
      const listed = (COMMAND_CALLS[app] as readonly { subject: string }[]).map((c) => c.subject).sort();
      const referenced = commandsReferenced(app).map((ref) => {
        const [owner, name] = ref.split('.');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const table = require('@app/contracts')[owner] as Record<string, { subject: string }>;
        return table[name].subject;
      });
      expect({ app, subjects: listed }).toEqual({ app, subjects: [...new Set(referenced)].sort() });
    }
  });

  it('let only the order app ask for a refund, and only the payment app announce one', () => {
    const refund = PaymentCommands.refundSession.subject;
    for (const app of APP_NAMES) {
      expect({ app, refund: natsPermissions(app).publish.allow.includes(refund) }).toEqual({
        app,
        refund: app === 'order',
      });
      expect(natsPermissions(app).publish.allow.includes('events.payment.>')).toBe(app === 'payment');
    }
  });

  it('let an app read its own commands, its inboxes and events only, and answer only what it is asked', () => {
    expect(natsPermissions('cart').subscribe.allow).toEqual(['_INBOX_cart.>', 'events.>', 'cart.>']);
    expect(natsPermissions('gateway').subscribe.allow).toEqual(['_INBOX_gateway.>', 'events.>']);
    expect(natsPermissions('gateway').allow_responses).toBe(false);
    expect(natsPermissions('cart').allow_responses).toBe(true);
    expect(natsPermissions('gateway').publish.allow).toEqual(
      expect.arrayContaining([
        OrderCommands.refund.subject,
        CatalogCommands.listProducts.subject,
        CustomerCommands.signIn.subject,
      ]),
    );
    expect(natsPermissions('gateway').publish.allow.some((subject) => subject.startsWith('$JS'))).toBe(false);
    expect(
      natsPermissions('cart').publish.allow.some((subject) => /DELETE|PURGE|\$JS\.API\.>/.test(subject)),
    ).toBe(false);
  });

  it("render a server configuration with one user per app, passwords read from the server's environment", () => {
    const config = natsServerAuthorization();
    for (const app of APP_NAMES) {
      expect(config).toContain(`user: "${app}"`);
      expect(config).toContain(`password: $${app.toUpperCase()}_NATS_PASSWORD`);
    }
  });
});
