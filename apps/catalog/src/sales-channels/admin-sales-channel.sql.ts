import { AdminSearchQuery } from '@app/contracts';
import { containsPattern, jsonObject, SqlBuilder, SqlQuery } from '@app/platform';
import { SALES_CHANNEL_COLUMNS } from '../sql/columns';

export const CHANNEL_JSON = jsonObject('sc', SALES_CHANNEL_COLUMNS);
export const KEY_COLUMNS = [
  'id',
  'title',
  'created_by',
  'revoked_by',
  'revoked_at',
  'created_at',
  'updated_at',
] as const;
const KEY_JSON = jsonObject('k', KEY_COLUMNS);

export function channelByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.sales-channel.by-id',
    text: `SELECT ${CHANNEL_JSON} AS record FROM catalog.sales_channel sc WHERE sc.id = $1 AND sc.deleted_at IS NULL`,
    values: [id],
  };
}

export function keyByIdQuery(id: string): SqlQuery {
  return {
    name: 'catalog.publishable-key.by-id',
    text: `SELECT ${KEY_JSON} AS record FROM catalog.publishable_api_key k WHERE k.id = $1`,
    values: [id],
  };
}

/** The live channels of a key, as `GET /admin/publishable-api-keys/{id}/sales-channels` lists them. */
export function keyChannelsQuery(id: string): SqlQuery {
  return {
    name: 'catalog.publishable-key.channels',
    text: `SELECT ${CHANNEL_JSON} AS record FROM catalog.publishable_api_key_sales_channel ks
           JOIN catalog.sales_channel sc ON sc.id = ks.sales_channel_id AND sc.deleted_at IS NULL
           WHERE ks.publishable_key_id = $1 ORDER BY sc.created_at, sc.id`,
    values: [id],
  };
}

/** A page of channels (`sales_channel`) or keys (`publishable_api_key`), `q` on name or title, with the total. */
export function adminSearchQuery(
  table: 'sales_channel' | 'publishable_api_key',
  query: AdminSearchQuery,
  offset: number,
  limit: number,
): SqlQuery {
  const sql = new SqlBuilder();
  const channels = table === 'sales_channel';
  const where = [channels ? 'sc.deleted_at IS NULL' : 'true'];
  if (query.q) {
    const pattern = sql.param(containsPattern(query.q));
    where.push(
      channels ? `(sc.name ILIKE ${pattern} OR sc.description ILIKE ${pattern})` : `k.title ILIKE ${pattern}`,
    );
  }
  const alias = channels ? 'sc' : 'k';
  return sql.query(
    `SELECT ${channels ? CHANNEL_JSON : KEY_JSON} AS record, count(*) OVER ()::int AS total
     FROM catalog.${table} ${alias} WHERE ${where.join(' AND ')}
     ORDER BY ${alias}.created_at DESC, ${alias}.id DESC LIMIT ${sql.param(limit)} OFFSET ${sql.param(offset)}`,
  );
}
