import { isPrivateAddress, isPrivateUrl } from './private-address';

describe('private addresses (the SSRF guard of callbacks and webhooks)', () => {
  it.each([
    ['http://localhost:9000', true],
    ['http://127.0.0.1:9000', true],
    ['http://10.1.2.3', true],
    ['http://172.16.0.1', true],
    ['http://172.32.0.1', false],
    ['http://192.168.1.10', true],
    ['http://169.254.169.254', true],
    ['http://[::1]:9000', true],
    ['http://[fd00::1]', true],
    ['http://[::ffff:127.0.0.1]:9000', true],
    ['http://100.100.100.200/latest/meta-data', true],
    ['https://api.shop.example.com', false],
    ['https://8.8.8.8', false],
  ])('%s is private: %s', (url, expected) => {
    expect(isPrivateUrl(url)).toBe(expected);
  });

  it.each([
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:8.8.8.8', false],
    ['fe80::1', true],
    ['fd12:3456::1', true],
    ['2001:db8::1', true],
    ['2606:4700::1111', false],
    ['100.100.100.200', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['198.18.0.1', true],
    ['1.1.1.1', false],
    ['shop.example.com', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
