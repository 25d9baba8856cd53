import { ArrayNotEmpty, IsArray, IsInt, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

type Json = Record<string, unknown>;

/**
 * The cart as its checkout froze it, which the order keeps: who and where, its lines, shipping
 * methods, discounts and gift cards (Medusa's store shapes, with their tax lines), its addresses and
 * every total in minor units. Built by the cart app from the cart it presents with taxes; validated
 * by the order app like every command.
 */
export class CartSnapshot {
  @IsString() @MaxLength(100) id!: string;
  @IsString() @MaxLength(320) email!: string;
  @IsOptional() @IsString() @MaxLength(100) customer_id?: string | null;
  @IsString() @MaxLength(100) region_id!: string;
  /** The cart's region as Medusa shows it (its `currency_code` is the order's). */
  @IsObject() region!: Json & { currency_code: string };
  @IsOptional() @IsString() @MaxLength(100) sales_channel_id?: string | null;
  /** Medusa's cart type: `default`, or `swap` for a swap's cart. */
  @IsOptional() @IsString() @MaxLength(20) type?: string;
  /** A swap's cart names its swap (`swap_id`) and order (`parent_order_id`), as Medusa's does. */
  @IsOptional() @IsObject() metadata?: Json | null;
  @IsArray() @ArrayNotEmpty() @IsObject({ each: true }) items!: Json[];
  @IsArray() @IsObject({ each: true }) shipping_methods!: Json[];
  @IsArray() @IsObject({ each: true }) discounts!: Json[];
  @IsArray() @IsObject({ each: true }) gift_cards!: Json[];
  @IsOptional() @IsObject() billing_address!: (Json & { id: string }) | null;
  @IsOptional() @IsObject() shipping_address!: (Json & { id: string }) | null;
  @IsInt() subtotal!: number;
  @IsInt() discount_total!: number;
  @IsInt() item_tax_total!: number;
  @IsInt() shipping_total!: number;
  @IsInt() shipping_tax_total!: number;
  @IsInt() tax_total!: number;
  @IsInt() gift_card_total!: number;
  @IsInt() gift_card_tax_total!: number;
  @IsInt() total!: number;
}

/** The snapshot of a cart as presented with its taxes (the fields the order keeps, nothing else). */
export function cartSnapshot(cart: Json, email: string): CartSnapshot {
  const pick = <K extends keyof CartSnapshot>(key: K) => cart[key] as CartSnapshot[K];
  return {
    id: pick('id'),
    email,
    customer_id: pick('customer_id') ?? null,
    region_id: pick('region_id'),
    region: pick('region'),
    sales_channel_id: pick('sales_channel_id') ?? null,
    type: pick('type') ?? 'default',
    metadata: pick('metadata') ?? null,
    items: pick('items'),
    shipping_methods: pick('shipping_methods'),
    discounts: pick('discounts'),
    gift_cards: pick('gift_cards'),
    billing_address: pick('billing_address') ?? null,
    shipping_address: pick('shipping_address') ?? null,
    subtotal: pick('subtotal'),
    discount_total: pick('discount_total'),
    item_tax_total: pick('item_tax_total'),
    shipping_total: pick('shipping_total'),
    shipping_tax_total: pick('shipping_tax_total'),
    tax_total: pick('tax_total'),
    gift_card_total: pick('gift_card_total'),
    gift_card_tax_total: pick('gift_card_tax_total'),
    total: pick('total'),
  };
}
