import { Client } from 'pg';
import { countStatements, statementCounts } from './statement-counter';

describe('countStatements', () => {
  it('counts every statement a pg client sends, and the transactions among them', async () => {
    const sent: unknown[] = [];
    const original = Client.prototype.query;
    // A client that never connects: the counter wraps whatever query method it finds.
    Client.prototype.query = function (query: unknown) {
      sent.push(query);
      return Promise.resolve({ rows: [] });
    } as unknown as typeof Client.prototype.query;
    try {
      countStatements();
      countStatements();
      const before = statementCounts();
      const client = new Client();
      await client.query('BEGIN');
      await client.query({ name: 'read', text: 'SELECT 1', values: [] });
      await client.query('  start transaction isolation level serializable');
      await client.query('COMMIT');
      const after = statementCounts();
      expect(after.statements - before.statements).toBe(4);
      expect(after.transactions - before.transactions).toBe(2);
      expect(sent).toHaveLength(4);
    } finally {
      Client.prototype.query = original;
    }
  });
});
