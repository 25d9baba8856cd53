#!/usr/bin/env node
// `npm run import -- <file.json>`: loads a catalog document into the running store through
// `POST /admin/catalog/import`, signed in as the merchant, and prints the report. Safe to run again:
// a document loaded twice changes nothing the second time. Exits 1 when an entry was refused.
//
// GATEWAY_URL (default http://127.0.0.1:9000) is the store; ADMIN_EMAIL and ADMIN_PASSWORD the
// merchant's account (in development the first admin, admin@example.com / supersecret).
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run import -- <catalog.json>');
  process.exit(2);
}
const gateway = (process.env.GATEWAY_URL ?? 'http://127.0.0.1:9000').replace(/\/$/, '');
const email = process.env.ADMIN_EMAIL ?? 'admin@example.com';
const password = process.env.ADMIN_PASSWORD ?? 'supersecret';

async function call(path, init) {
  const response = await fetch(`${gateway}${path}`, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    console.error(
      `${init.method} ${path}: ${response.status} ${body.type ?? ''} ${body.message ?? ''}`.trim(),
    );
    process.exit(1);
  }
  return body;
}

const document = await readFile(file, 'utf8');
const { access_token } = await call('/admin/auth/token', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email, password }),
});
const report = await call('/admin/catalog/import', {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
  body: document,
});

for (const outcome of ['created', 'updated', 'unchanged']) {
  const counts = Object.entries(report[outcome]).filter(([, count]) => count > 0);
  console.log(
    `${outcome.padEnd(9)} ${counts.map(([section, count]) => `${count} ${section}`).join(', ') || '-'}`,
  );
}
for (const refusal of report.refused) {
  console.log(`refused   ${file}:${refusal.line} ${refusal.section} ${refusal.key ?? ''}: ${refusal.reason}`);
}
process.exit(report.refused.length ? 1 : 0);
