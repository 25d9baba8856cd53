import { ClassConstructor } from 'class-transformer';
import { EntityManager } from 'typeorm';

/**
 * How the import loads one section's entries: the DTO an entry must match, its key (what matches it
 * to what the store holds), and how to find, create and update it — each inside the entry's own
 * transaction.
 */
export interface ImportLoader<Entry extends object> {
  type: ClassConstructor<Entry>;
  key(entry: Entry): string;
  /** The id of what the store holds under the entry's key, if anything. */
  find(manager: EntityManager, entry: Entry): Promise<string | undefined>;
  create(manager: EntityManager, entry: Entry): Promise<void>;
  update(manager: EntityManager, id: string, entry: Entry): Promise<void>;
}
