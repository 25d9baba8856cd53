import { Injectable } from '@nestjs/common';
import {
  CatalogEvents,
  CreateProductRequest,
  CreateVariantRequest,
  DeletedReply,
  ProductFields,
  ProductVariantRef,
  UpdateProductRequest,
  UpdateVariantRequest,
} from '@app/contracts';
import { DomainError, newId, Outbox, upsertRows } from '@app/platform';
import { EntityManager } from 'typeorm';
import { storeShippingProfile } from '../shipping/shipping-profiles';
import { replaceLinks, updateGiven } from '../sql/row-writes';
import { handleOf } from './handle';
import { VariantWrites } from './variant-writes.service';

/** Product columns an admin sets directly, as the request names them. */
const COLUMNS = [
  'title',
  'subtitle',
  'description',
  'handle',
  'status',
  'discountable',
  'thumbnail',
  'collection_id',
  'weight',
  'material',
  'origin_country',
] as const;

/**
 * The merchant's product writes (Medusa v1's admin): a product with its options, variants, prices and
 * stock created in one transaction, changed, deleted; each one `events.catalog.product-*` through the
 * outbox. A duplicate handle or SKU is the database's unique violation (422 `duplicate_error`, naming
 * it), an unknown collection, category or channel its foreign key (404): nothing is partly written.
 */
@Injectable()
export class ProductWrites {
  constructor(
    private readonly outbox: Outbox,
    private readonly variants: VariantWrites,
  ) {}

  /** Creates a product; its id and its variants' are fresh unless a catalog document fixes them. */
  async create(
    manager: EntityManager,
    request: CreateProductRequest,
    ids: { product?: string; variants?: (string | undefined)[] } = {},
  ): Promise<string> {
    const id = ids.product ?? newId('prod');
    const profile = await storeShippingProfile(manager, request.is_giftcard ? 'gift_card' : 'default');
    await upsertRows(manager, 'catalog.product', [
      {
        id,
        title: request.title,
        subtitle: request.subtitle ?? null,
        description: request.description ?? null,
        handle: request.handle ?? handleOf(request.title, id),
        is_giftcard: request.is_giftcard ?? false,
        status: request.status ?? 'draft',
        thumbnail: request.thumbnail ?? request.images?.[0] ?? null,
        collection_id: request.collection_id ?? null,
        profile_id: profile,
        discountable: request.discountable ?? !request.is_giftcard,
        weight: request.weight ?? null,
        material: request.material ?? null,
        origin_country: request.origin_country ?? null,
        metadata: request.metadata ?? null,
      },
    ]);
    await this.setLinks(manager, id, {
      ...request,
      sales_channels: request.sales_channels ?? (await this.defaultChannel(manager)),
    });
    const optionIds = (request.options ?? []).map(() => newId('opt'));
    await upsertRows(
      manager,
      'catalog.product_option',
      (request.options ?? []).map((option, rank) => ({
        id: optionIds[rank],
        title: option.title,
        product_id: id,
        rank,
      })),
    );
    for (const [rank, variant] of (request.variants ?? []).entries()) {
      await this.variants.insert(manager, id, optionIds, variant, rank, ids.variants?.[rank]);
    }
    await this.outbox.record(manager, CatalogEvents.productCreated, { id }, { product_id: id });
    return id;
  }

  async update(manager: EntityManager, request: UpdateProductRequest): Promise<string> {
    await this.lock(manager, request.id);
    await updateGiven(manager, 'catalog.product', request.id, request, [...COLUMNS, 'metadata']);
    await this.setLinks(manager, request.id, request);
    await this.outbox.record(
      manager,
      CatalogEvents.productUpdated,
      { id: request.id },
      { product_id: request.id },
    );
    return request.id;
  }

  /** Deletes a product and its variants (softly: carts and orders that hold them keep their copies). */
  async delete(manager: EntityManager, id: string): Promise<DeletedReply> {
    await this.lock(manager, id);
    await manager.query('UPDATE catalog.product SET deleted_at = now(), updated_at = now() WHERE id = $1', [
      id,
    ]);
    await manager.query(
      'UPDATE catalog.product_variant SET deleted_at = now(), updated_at = now() WHERE product_id = $1 AND deleted_at IS NULL',
      [id],
    );
    await this.outbox.record(manager, CatalogEvents.productDeleted, { id }, { product_id: id });
    return { id, object: 'product', deleted: true };
  }

  async addVariant(manager: EntityManager, request: CreateVariantRequest): Promise<string> {
    const { product_id, ...variant } = request;
    return this.changeParts(manager, product_id, async () => {
      const options: { id: string }[] = await manager.query(
        'SELECT id FROM catalog.product_option WHERE product_id = $1 AND deleted_at IS NULL ORDER BY rank, id',
        [product_id],
      );
      const [{ rank }] = await manager.query(
        'SELECT count(*)::int AS rank FROM catalog.product_variant WHERE product_id = $1',
        [product_id],
      );
      await this.variants.insert(
        manager,
        product_id,
        options.map((option) => option.id),
        variant,
        rank,
      );
    });
  }

  async updateVariant(manager: EntityManager, request: UpdateVariantRequest): Promise<string> {
    const { product_id, variant_id, ...changes } = request;
    return this.changeParts(manager, product_id, () =>
      this.variants.update(manager, product_id, variant_id, changes),
    );
  }

  /** Deletes a variant (softly: carts and orders that hold it keep their copies). */
  async deleteVariant(manager: EntityManager, ref: ProductVariantRef): Promise<string> {
    return this.changeParts(manager, ref.product_id, async () => {
      const deleted = await manager.query(
        `WITH deleted AS (UPDATE catalog.product_variant SET deleted_at = now(), updated_at = now()
                          WHERE id = $1 AND product_id = $2 AND deleted_at IS NULL RETURNING id)
         SELECT id FROM deleted`,
        [ref.variant_id, ref.product_id],
      );
      if (!deleted.length) throw DomainError.notFound(`Variant with id: ${ref.variant_id} was not found`);
    });
  }

  /**
   * Changes a part of the product (a variant, an option) under the product's lock, and records
   * `events.catalog.product-updated` with it.
   */
  async changeParts(manager: EntityManager, productId: string, change: () => Promise<void>): Promise<string> {
    await this.lock(manager, productId);
    await change();
    await this.outbox.record(
      manager,
      CatalogEvents.productUpdated,
      { id: productId },
      { product_id: productId },
    );
    return productId;
  }

  private async lock(manager: EntityManager, id: string): Promise<void> {
    const [found] = await manager.query(
      'SELECT id FROM catalog.product WHERE id = $1 AND deleted_at IS NULL FOR UPDATE',
      [id],
    );
    if (!found) throw DomainError.notFound(`Product with id: ${id} was not found`);
  }

  /** Images (by URL, in order), type (by value), tags (by value), categories and channels given replace the product's. */
  private async setLinks(manager: EntityManager, id: string, fields: ProductFields): Promise<void> {
    if (fields.images) {
      const images = fields.images.map((url) => ({ id: newId('img'), url }));
      await manager.query('DELETE FROM catalog.product_images WHERE product_id = $1', [id]);
      await upsertRows(manager, 'catalog.image', images);
      await upsertRows(
        manager,
        'catalog.product_images',
        images.map((image, rank) => ({ product_id: id, image_id: image.id, rank })),
        { conflict: ['product_id', 'image_id'] },
      );
    }
    if (fields.type) {
      const [type] = await manager.query(
        `INSERT INTO catalog.product_type (id, value) VALUES ($1, $2)
         ON CONFLICT (value) DO UPDATE SET value = EXCLUDED.value RETURNING id`,
        [newId('ptyp'), fields.type.value],
      );
      await manager.query('UPDATE catalog.product SET type_id = $2 WHERE id = $1', [id, type.id]);
    }
    if (fields.tags) {
      const tagIds: string[] = [];
      for (const tag of fields.tags) {
        const [found] = await manager.query(
          'SELECT id FROM catalog.product_tag WHERE value = $1 AND deleted_at IS NULL LIMIT 1',
          [tag.value],
        );
        const tagId = found?.id ?? newId('ptag');
        if (!found)
          await manager.query('INSERT INTO catalog.product_tag (id, value) VALUES ($1, $2)', [
            tagId,
            tag.value,
          ]);
        tagIds.push(tagId);
      }
      await replaceLinks(manager, 'catalog.product_tags', 'product_id', id, 'product_tag_id', tagIds);
    }
    if (fields.categories) {
      await replaceLinks(
        manager,
        'catalog.product_category_product',
        'product_id',
        id,
        'product_category_id',
        fields.categories.map((category) => category.id),
      );
    }
    if (fields.sales_channels) {
      await replaceLinks(
        manager,
        'catalog.product_sales_channel',
        'product_id',
        id,
        'sales_channel_id',
        fields.sales_channels.map((channel) => channel.id),
      );
    }
  }

  private async defaultChannel(manager: EntityManager): Promise<{ id: string }[]> {
    return manager.query('SELECT id FROM catalog.sales_channel WHERE is_default');
  }
}
