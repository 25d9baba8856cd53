const TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

/**
 * The shopper's preferred language from `Accept-Language` (the highest `q`, the first on a tie), as a
 * BCP 47 tag with its region in upper case (`zh-cn` → `zh-CN`); none for `*`, a malformed header or
 * none at all.
 */
export function preferredLocale(header: string | undefined): string | undefined {
  if (!header || header.length > 500) return undefined;
  let best: { tag: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const weight = params.map((param) => /^\s*q=([01](?:\.\d{1,3})?)\s*$/.exec(param)).find(Boolean);
    const q = weight ? Number(weight[1]) : 1;
    if (!TAG.test(tag) || q <= 0 || (best && best.q >= q)) continue;
    best = { tag, q };
  }
  if (!best) return undefined;
  const [language, ...rest] = best.tag.split('-');
  return [language.toLowerCase(), ...rest.map((sub) => (sub.length === 2 ? sub.toUpperCase() : sub))].join(
    '-',
  );
}
