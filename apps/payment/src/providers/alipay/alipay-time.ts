/**
 * `2026-11-22 09:30:00` in China time, Alipay's timestamp format. Requests carry their `timestamp`
 * so (the SDK would write the server's local time, which Alipay reads as China time: 8 hours off on a
 * server in UTC).
 */
export function alipayTime(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
