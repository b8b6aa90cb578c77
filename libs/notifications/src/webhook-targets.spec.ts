import { checkTarget, isPublicAddress, RefusedTargetError } from './webhook-targets';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.7',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:a00:1',
    '2001:db8::1',
    '2002:7f00:1::1',
    'not an address',
  ])('refuses %s as non-public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '93.184.216.34', '2606:4700:4700::1111'])(
    'accepts %s as public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it('refuses a literal private address, and accepts it when private targets are allowed', async () => {
    const url = new URL('http://[::1]:8080/hooks');
    await expect(checkTarget(url, false)).rejects.toBeInstanceOf(RefusedTargetError);
    await expect(checkTarget(url, true)).resolves.toEqual([{ address: '::1', family: 6 }]);
  });

  it('refuses a host name that resolves to loopback', async () => {
    await expect(checkTarget(new URL('https://localhost/hooks'), false)).rejects.toThrow(
      /localhost is at .*non-public/,
    );
  });
});
