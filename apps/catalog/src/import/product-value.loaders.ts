import { Injectable } from '@nestjs/common';
import { ClassConstructor } from 'class-transformer';
import { ImportProductTag, ImportProductType, ValueKind } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { TaxonomyWrites } from '../taxonomy/taxonomy-writes.service';
import { ImportLoader } from './import-loader';

/**
 * Product types and tags, by value: created (with the document's id, if any); one found by the
 * document's id takes the document's value.
 */
abstract class ProductValueLoader<
  Entry extends ImportProductType | ImportProductTag,
> implements ImportLoader<Entry> {
  abstract readonly type: ClassConstructor<Entry>;
  constructor(
    private readonly taxonomy: TaxonomyWrites,
    private readonly kind: ValueKind,
  ) {}

  key(entry: Entry) {
    return entry.value;
  }

  async find(manager: EntityManager, entry: Entry) {
    const [row] = await manager.query(
      `SELECT id FROM catalog.product_${this.kind} WHERE (id = $2 OR value = $1) AND deleted_at IS NULL
       ORDER BY id = $2 DESC NULLS LAST, created_at LIMIT 1`,
      [entry.value, entry.id ?? null],
    );
    return row?.id as string | undefined;
  }

  async create(manager: EntityManager, entry: Entry) {
    await this.taxonomy.createValue(manager, this.kind, { value: entry.value }, entry.id);
  }

  async update(manager: EntityManager, id: string, entry: Entry) {
    await this.taxonomy.updateValue(manager, this.kind, id, { value: entry.value });
  }
}

@Injectable()
export class ProductTypeLoader extends ProductValueLoader<ImportProductType> {
  readonly type = ImportProductType;
  constructor(taxonomy: TaxonomyWrites) {
    super(taxonomy, 'type');
  }
}

@Injectable()
export class ProductTagLoader extends ProductValueLoader<ImportProductTag> {
  readonly type = ImportProductTag;
  constructor(taxonomy: TaxonomyWrites) {
    super(taxonomy, 'tag');
  }
}
