import { openApiPath } from './route-catalog';

describe('openApiPath', () => {
  it.each([
    ['store', 'carts/:id/complete', '/store/carts/{id}/complete'],
    ['/store/', '/carts', '/store/carts'],
    ['', 'openapi.json', '/openapi.json'],
    ['health', '', '/health'],
    [
      'store/payment-collections',
      ':id/sessions/:session_id',
      '/store/payment-collections/{id}/sessions/{session_id}',
    ],
  ])('%s + %s → %s', (controller, method, path) => {
    expect(openApiPath(controller, method)).toBe(path);
  });
});
