import { newId } from '@app/platform';
import { EntityManager } from 'typeorm';

/**
 * The store's shipping profile of a type, created when there is none yet (Medusa creates its default
 * and gift card profiles at start; here the first product or option that needs one does).
 */
export async function storeShippingProfile(
  manager: EntityManager,
  type: 'default' | 'gift_card',
): Promise<string> {
  await manager.query("SELECT pg_advisory_xact_lock(hashtext('catalog.shipping_profile'))");
  const [found] = await manager.query(
    'SELECT id FROM catalog.shipping_profile WHERE type = $1 AND deleted_at IS NULL ORDER BY created_at LIMIT 1',
    [type],
  );
  if (found) return found.id as string;
  const id = newId('sp');
  const name = type === 'default' ? 'Default Shipping Profile' : 'Gift Card Profile';
  await manager.query('INSERT INTO catalog.shipping_profile (id, name, type) VALUES ($1, $2, $3)', [
    id,
    name,
    type,
  ]);
  return id;
}
