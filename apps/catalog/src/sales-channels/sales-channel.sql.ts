/** The sales channels product `product` is sold in, as an SQL array. */
export function salesChannelIds(product: string): string {
  return `ARRAY(SELECT psc.sales_channel_id FROM catalog.product_sales_channel psc WHERE psc.product_id = ${product}.id ORDER BY 1)`;
}
