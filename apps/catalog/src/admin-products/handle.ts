/**
 * A handle from a title, as Medusa makes one: lower-case words joined by hyphens, accents dropped.
 * Letters of scripts a handle cannot spell (a Chinese title, say) are followed by the record's id,
 * so two such titles never share a handle ('紫砂壶' → `prod-01j…`, 'Yixing 紫砂壶' → `yixing-prod-01j…`).
 */
export function handleOf(title: string, id: string): string {
  const latin = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const words = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const unspelled = /(?!\p{Script=Latin})\p{L}/u.test(latin);
  if (words && !unspelled) return words;
  const suffix = id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return words ? `${words}-${suffix}` : suffix;
}
