import { signToken, verifyToken } from './jwt';

const SECRET = 'a-test-secret-of-some-length';

describe('access tokens', () => {
  it('carry Medusa v1 claims and verify until they expire', () => {
    const now = Date.UTC(2026, 11, 1);
    const token = signToken({ customer_id: 'cus_1', domain: 'store' }, SECRET, 60, now);
    expect(verifyToken(token, SECRET, now + 59_000)).toMatchObject({ customer_id: 'cus_1', domain: 'store' });
    expect(verifyToken(token, SECRET, now + 60_000)).toBeNull();
  });

  it('refuse another secret, a changed payload, another algorithm and claims without their id', () => {
    const token = signToken({ user_id: 'usr_1', domain: 'admin' }, SECRET, 60);
    expect(verifyToken(token, 'another-secret-entirely')).toBeNull();
    const [header, payload, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), user_id: 'usr_2' }),
    ).toString('base64url');
    expect(verifyToken(`${header}.${forged}.${signature}`, SECRET)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyToken(`${none}.${payload}.`, SECRET)).toBeNull();
    expect(verifyToken(signToken({ domain: 'store' }, SECRET, 60), SECRET)).toBeNull();
  });
});
