import { DomainError } from '@app/platform';

/** How a single product or variant read is scoped: a channel asked for, a publishable key's channels. */
export interface ChannelScope {
  sales_channel_id?: string;
  key_sales_channel_ids?: string[];
}

/**
 * Refuses a product (or a variant, by its product) not sold where the read is scoped: not found in
 * a channel asked for; outside a publishable key's channels, Medusa's 400 with `errors`.
 */
export function assertSoldInScope(
  what: 'Product' | 'Variant',
  id: string,
  soldIn: string[],
  scope: ChannelScope,
): void {
  if (scope.sales_channel_id && !soldIn.includes(scope.sales_channel_id)) {
    throw DomainError.notFound(`${what} with id: ${id} was not found`);
  }
  const keyChannels = scope.key_sales_channel_ids;
  if (keyChannels?.length && !keyChannels.some((channel) => soldIn.includes(channel))) {
    throw DomainError.requestErrors(
      `${what} with id: ${id} is not associated with sales channels defined by the Publishable API Key passed in the header of the request.`,
    );
  }
}
