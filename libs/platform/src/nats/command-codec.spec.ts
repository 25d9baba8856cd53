import { DomainError } from '../errors/domain-error';
import { decodeReply, encodeCommand } from './command-codec';

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("Nest's NATS wire format", () => {
  it('encodes a request as { pattern, data, id }', () => {
    const encoded = JSON.parse(
      Buffer.from(encodeCommand('catalog.region.get', 'r-1', { id: 'reg_1' })).toString(),
    );
    expect(encoded).toEqual({ pattern: 'catalog.region.get', data: { id: 'reg_1' }, id: 'r-1' });
  });

  it('returns the response of a reply', () => {
    expect(
      decodeReply(bytes({ id: 'r-1', response: { region: { id: 'reg_1' } }, isDisposed: true })),
    ).toEqual({
      region: { id: 'reg_1' },
    });
  });

  it('throws a domain error reply as a DomainError', () => {
    expect(() =>
      decodeReply(bytes({ id: 'r-1', err: { type: 'not_found', message: 'gone' }, isDisposed: true })),
    ).toThrow(expect.objectContaining({ type: 'not_found', message: 'gone' }));
  });

  it.each([
    [{ err: { status: 'error', message: 'Internal server error' } }],
    [{ err: 'There is no matching message handler defined in the remote service.' }],
  ])('turns Nest errors that are not ours into unknown_error: %j', (packet) => {
    let thrown: unknown;
    try {
      decodeReply(bytes(packet));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).type).toBe('unknown_error');
  });
});
