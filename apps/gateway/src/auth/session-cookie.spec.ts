import {
  clearedSessionCookie,
  cookieValue,
  sessionCookie,
  signSessionId,
  unsignSessionId,
} from './session-cookie';

describe('the session cookie', () => {
  it('is signed as express-session signs connect.sid, and only that signature opens it', () => {
    const value = signSessionId('abc123', 'cookie-secret-for-tests');
    expect(value).toMatch(/^s:abc123\.[A-Za-z0-9+/]+$/);
    expect(unsignSessionId(value, 'cookie-secret-for-tests')).toBe('abc123');
    expect(unsignSessionId(value, 'another-cookie-secret')).toBeNull();
    expect(unsignSessionId(value.replace('abc123', 'abc124'), 'cookie-secret-for-tests')).toBeNull();
    expect(unsignSessionId('abc123', 'cookie-secret-for-tests')).toBeNull();
  });

  it('is read from a Cookie header among others, URL-decoded', () => {
    const header = `theme=dark; connect.sid=${encodeURIComponent('s:id.sig')}; other=1`;
    expect(cookieValue(header, 'connect.sid')).toBe('s:id.sig');
    expect(cookieValue('theme=dark', 'connect.sid')).toBeUndefined();
    expect(cookieValue(undefined, 'connect.sid')).toBeUndefined();
  });

  it('is HttpOnly and SameSite=Lax, Secure only when asked, and cleared with Max-Age=0', () => {
    expect(sessionCookie('s:x.y', 60, false)).toMatch(
      /^connect\.sid=s%3Ax\.y; Path=\/; Max-Age=60; Expires=.+; HttpOnly; SameSite=Lax$/,
    );
    expect(sessionCookie('s:x.y', 60, true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(false)).toMatch(
      /^connect\.sid=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT/,
    );
  });
});
