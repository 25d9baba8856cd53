/**
 * The line on which each entry of each top-level array of a JSON document starts, so that an import
 * report can say "line 42" rather than "products[3]". Reads the text once; strings are skipped
 * whole (JSON strings hold no raw line breaks). The text must be valid JSON: parse it first.
 */
export function entryLines(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  let line = 1;
  let depth = 0;
  let lastString = '';
  let topKey = '';
  let section: number[] | null = null;
  let expectEntry = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\n') line += 1;
    if (char === '\n' || char === ' ' || char === '\t' || char === '\r') continue;
    if (expectEntry && char !== ']') section?.push(line);
    expectEntry = false;
    if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, end);
      i = end;
    } else if (char === ':' && depth === 1) {
      topKey = lastString;
    } else if (char === '{' || char === '[') {
      depth += 1;
      if (char === '[' && depth === 2) {
        section = [];
        lines.set(topKey, section);
        expectEntry = true;
      }
    } else if (char === '}' || char === ']') {
      depth -= 1;
    } else if (char === ',' && depth === 2 && section) {
      expectEntry = true;
    }
  }
  return lines;
}
