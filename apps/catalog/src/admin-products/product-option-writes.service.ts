import { Injectable } from '@nestjs/common';
import { ProductOptionRef, ProductOptionRequest, UpdateProductOptionRequest } from '@app/contracts';
import { DomainError, newId } from '@app/platform';
import { EntityManager } from 'typeorm';

/** The value Medusa v1 gives existing variants for an option added after them. */
const DEFAULT_VALUE = 'Default Value';

/**
 * A product's options (Medusa v1 admin): added (its variants get "Default Value" for it), renamed,
 * deleted — only while the variants stay told apart by their other options, as Medusa requires.
 * Runs inside the caller's transaction, the product locked.
 */
@Injectable()
export class ProductOptionWrites {
  async add(manager: EntityManager, request: ProductOptionRequest): Promise<void> {
    const id = newId('opt');
    const [{ rank }] = await manager.query(
      'SELECT count(*)::int AS rank FROM catalog.product_option WHERE product_id = $1',
      [request.product_id],
    );
    await manager.query(
      'INSERT INTO catalog.product_option (id, title, product_id, rank) VALUES ($1, $2, $3, $4)',
      [id, request.title, request.product_id, rank],
    );
    const variants: { id: string }[] = await manager.query(
      'SELECT id FROM catalog.product_variant WHERE product_id = $1 AND deleted_at IS NULL',
      [request.product_id],
    );
    for (const variant of variants) {
      await manager.query(
        'INSERT INTO catalog.product_option_value (id, value, option_id, variant_id) VALUES ($1, $2, $3, $4)',
        [newId('optval'), DEFAULT_VALUE, id, variant.id],
      );
    }
  }

  async rename(manager: EntityManager, request: UpdateProductOptionRequest): Promise<void> {
    await this.find(manager, request);
    await manager.query('UPDATE catalog.product_option SET title = $2, updated_at = now() WHERE id = $1', [
      request.option_id,
      request.title,
    ]);
  }

  /** Deletes the option and its values; 400 when two variants would then have the same values. */
  async delete(manager: EntityManager, ref: ProductOptionRef): Promise<void> {
    await this.find(manager, ref);
    const [clash] = await manager.query(
      `SELECT 1 FROM catalog.product_variant v
       WHERE v.product_id = $1 AND v.deleted_at IS NULL
       GROUP BY (SELECT string_agg(ov.value, E'\\x1f' ORDER BY o.rank, o.id)
                 FROM catalog.product_option_value ov JOIN catalog.product_option o ON o.id = ov.option_id
                 WHERE ov.variant_id = v.id AND ov.option_id <> $2 AND ov.deleted_at IS NULL AND o.deleted_at IS NULL)
       HAVING count(*) > 1 LIMIT 1`,
      [ref.product_id, ref.option_id],
    );
    if (clash) {
      throw DomainError.invalidData(
        'To delete an option, make sure that all product variants have a unique combination of option values',
      );
    }
    await manager.query('UPDATE catalog.product_option_value SET deleted_at = now() WHERE option_id = $1', [
      ref.option_id,
    ]);
    await manager.query(
      'UPDATE catalog.product_option SET deleted_at = now(), updated_at = now() WHERE id = $1',
      [ref.option_id],
    );
  }

  private async find(manager: EntityManager, ref: ProductOptionRef): Promise<void> {
    const [option] = await manager.query(
      'SELECT id FROM catalog.product_option WHERE id = $1 AND product_id = $2 AND deleted_at IS NULL',
      [ref.option_id, ref.product_id],
    );
    if (!option) throw DomainError.notFound(`Option with id: ${ref.option_id} was not found`);
  }
}
