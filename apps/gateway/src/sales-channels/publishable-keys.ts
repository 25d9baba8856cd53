import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import {
  CatalogCommands,
  CatalogEvents,
  PUBLISHABLE_KEY_HEADER,
  PublishableKeyChanged,
} from '@app/contracts';
import { CommandClient, DomainError, NatsConnectionService } from '@app/platform';
import { FastifyRequest } from 'fastify';

/** How long a key's channels (or its refusal) are kept before the catalog is asked again. */
const FRESH_FOR_MS = 10_000;
/** Keys remembered at most (storefronts send a handful; anything past this is forgotten). */
const MAX_KEYS = 1_000;

type Scopes = { channels: string[] } | { refused: DomainError };

/**
 * Publishable API keys (`x-publishable-api-key`), as Medusa v1.20's store middlewares apply them:
 * a storefront's key scopes its product reads and carts to the key's sales channels. A key is
 * checked by the catalog and its answer kept for ten seconds, or until the catalog announces a change
 * of the key (every replica hears it: a plain subscription), so a revoked key stops working at once —
 * within ten seconds should the announcement be lost. A channel asked for outside the key's channels is refused with Medusa's message
 * (Medusa checks it for carts only and serves any channel's products: we check every read).
 */
@Injectable()
export class PublishableKeys implements OnApplicationBootstrap {
  private readonly known = new Map<string, { scopes: Scopes; at: number }>();

  constructor(
    private readonly commands: CommandClient,
    private readonly nats: NatsConnectionService,
  ) {}

  onApplicationBootstrap(): void {
    void this.nats.start().then(() => {
      if (!this.nats.isConnected()) return;
      this.nats.connection.subscribe(CatalogEvents.publishableKeyChanged.subject, {
        callback: (error, message) => {
          const key = error ? undefined : keyOf(message.data);
          if (key) this.known.delete(key);
          else this.known.clear();
        },
      });
    });
  }

  /** The key's sales channels; null when the request sends no key. */
  async scopes(request: FastifyRequest): Promise<string[] | null> {
    const header = request.headers[PUBLISHABLE_KEY_HEADER];
    const key = Array.isArray(header) ? header[0] : header;
    if (!key) return null;
    const scopes = await this.lookUp(key);
    if ('refused' in scopes) throw scopes.refused;
    return scopes.channels;
  }

  /**
   * The channels a list reads: those asked for (each within the key's), else the key's; undefined
   * leaves it to the catalog (the store's default channel, or every one for variants).
   */
  async readChannels(request: FastifyRequest, asked: string[] | undefined): Promise<string[] | undefined> {
    const scopes = await this.scopes(request);
    if (asked?.length) {
      assertWithin(scopes, asked);
      return asked;
    }
    return scopes?.length ? scopes : undefined;
  }

  /** The key's channels a single read must be among (undefined: no key, or a key without channels). */
  async readScope(request: FastifyRequest, asked: string | undefined): Promise<string[] | undefined> {
    const scopes = await this.scopes(request);
    if (asked) assertWithin(scopes, [asked]);
    return scopes?.length ? scopes : undefined;
  }

  /**
   * The channel a cart is created in or moved to: the one asked for (within the key's), else the
   * key's only channel; undefined leaves it to the cart (the store's default channel).
   */
  async cartChannel(request: FastifyRequest, asked: string | undefined): Promise<string | undefined> {
    const scopes = await this.scopes(request);
    if (asked) {
      assertWithin(scopes, [asked]);
      return asked;
    }
    if (!scopes?.length) return undefined;
    if (scopes.length > 1) {
      // Medusa answers this with a 500; it is the request that lacks a channel.
      throw DomainError.invalidData(
        'The PublishableApiKey provided in the request header has multiple associated sales channels.',
      );
    }
    return scopes[0];
  }

  private async lookUp(key: string): Promise<Scopes> {
    const known = this.known.get(key);
    if (known && Date.now() - known.at < FRESH_FOR_MS) return known.scopes;
    let scopes: Scopes;
    try {
      const reply = await this.commands.request(CatalogCommands.publishableKeyScopes, { key });
      scopes = { channels: reply.sales_channel_ids };
    } catch (error) {
      if (!(error instanceof DomainError) || error.type !== 'not_allowed') throw error;
      scopes = { refused: error };
    }
    if (this.known.size >= MAX_KEYS) this.known.clear();
    this.known.set(key, { scopes, at: Date.now() });
    return scopes;
  }
}

function assertWithin(scopes: string[] | null, asked: string[]): void {
  if (!scopes?.length || asked.every((channel) => scopes.includes(channel))) return;
  throw DomainError.requestErrors(
    `Provided sales channel id param: ${asked.join(',')} is not associated with the Publishable API Key passed in the header of the request.`,
  );
}

/** The key an event envelope names, or undefined when it cannot be read (then every key is forgotten). */
function keyOf(data: Uint8Array): string | undefined {
  try {
    const envelope = JSON.parse(Buffer.from(data).toString('utf8')) as { data?: PublishableKeyChanged };
    return envelope.data?.publishable_key_id;
  } catch {
    return undefined;
  }
}
