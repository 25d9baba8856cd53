import { Injectable } from '@nestjs/common';
import {
  PublishableKeyRequest,
  PublishableKeyScopes,
  ResolveSalesChannelRequest,
  SalesChannel,
  SalesChannelReply,
} from '@app/contracts';
import { DomainError, jsonObject, PreparedStatements } from '@app/platform';
import { SALES_CHANNEL_COLUMNS } from '../sql/columns';

const CHANNEL = jsonObject('sc', SALES_CHANNEL_COLUMNS);

/**
 * Sales channels and publishable API keys, as Medusa v1.20's store uses them: a key scopes a
 * storefront to its channels; a cart is sold in a channel that exists and is enabled.
 */
@Injectable()
export class SalesChannelService {
  constructor(private readonly db: PreparedStatements) {}

  /**
   * The channels of a key. Medusa ignores a key it does not know or that was revoked (the
   * storefront then sees every channel); we refuse it, as a key that no longer works should be.
   */
  async scopes({ key }: PublishableKeyRequest): Promise<PublishableKeyScopes> {
    const [row] = await this.db.rows<{ revoked: boolean; sales_channel_ids: string[] }>({
      name: 'catalog.publishable-key.scopes',
      text: `SELECT k.revoked_at IS NOT NULL AS revoked,
               ARRAY(SELECT ks.sales_channel_id FROM catalog.publishable_api_key_sales_channel ks
                     JOIN catalog.sales_channel sc ON sc.id = ks.sales_channel_id AND sc.deleted_at IS NULL
                     WHERE ks.publishable_key_id = k.id ORDER BY ks.sales_channel_id) AS sales_channel_ids
             FROM catalog.publishable_api_key k WHERE k.id = $1`,
      values: [key],
    });
    if (!row || row.revoked) {
      throw DomainError.notAllowed(
        'A valid publishable key is required to proceed with the request',
        'invalid_publishable_key',
      );
    }
    return { sales_channel_ids: row.sales_channel_ids };
  }

  /** Medusa's `getValidatedSalesChannel`: the channel named, else the default one. */
  async resolve({ id }: ResolveSalesChannelRequest): Promise<SalesChannelReply> {
    const [row] = await this.db.rows<{ sales_channel: SalesChannel }>({
      name: 'catalog.sales-channel.resolve',
      text: `SELECT ${CHANNEL} AS sales_channel FROM catalog.sales_channel sc
             WHERE sc.deleted_at IS NULL AND (sc.id = $1 OR ($1 IS NULL AND sc.is_default))`,
      values: [id ?? null],
    });
    if (!row) {
      throw id
        ? DomainError.notFound(`Sales channel with id ${id} was not found`)
        : DomainError.notFound('The store has no default sales channel');
    }
    if (row.sales_channel.is_disabled) {
      throw DomainError.invalidData(
        `Unable to assign the cart to a disabled Sales Channel "${row.sales_channel.name}"`,
      );
    }
    return row;
  }
}
