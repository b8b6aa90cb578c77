import {
  checkPort,
  checkTarget,
  isPublicAddress,
  RefusedPortError,
  RefusedTargetError,
} from './public-targets';

describe('public targets', () => {
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

  describe('ports', () => {
    it.each([
      'https://hooks.example.com/x',
      'https://hooks.example.com:443/x',
      'http://hooks.example.com/x',
      'http://hooks.example.com:80/x',
      'https://hooks.example.com:1024/x',
      'https://hooks.example.com:8443/x',
      'http://hooks.example.com:65535/x',
    ])('accepts %s', (url) => {
      expect(() => checkPort(new URL(url))).not.toThrow();
    });

    it.each([
      ['https://hooks.example.com:22/x', 22],
      ['https://hooks.example.com:25/x', 25],
      ['http://hooks.example.com:0/x', 0],
      ['https://hooks.example.com:636/x', 636],
      ['https://hooks.example.com:1023/x', 1023],
    ])('refuses %s, naming port %i and the rule', (url, port) => {
      expect(() => checkPort(new URL(url))).toThrow(RefusedPortError);
      expect(() => checkPort(new URL(url))).toThrow(
        `port ${port} is not allowed: a webhook may use port 443, 80 or any port from 1024 up`,
      );
    });

    it('refuses a port before anything is resolved, and even where private targets are allowed', async () => {
      // A name that cannot resolve: the port is refused before any DNS lookup is made.
      const unresolvable = new URL('https://no-such-host.invalid:25/hooks');
      await expect(checkTarget(unresolvable, true)).rejects.toBeInstanceOf(RefusedPortError);
      await expect(checkTarget(new URL('http://127.0.0.1:22/hooks'), true)).rejects.toThrow(
        /port 22 is not allowed/,
      );
      await expect(checkTarget(new URL('http://127.0.0.1:8080/hooks'), true)).resolves.toEqual([
        { address: '127.0.0.1', family: 4 },
      ]);
    });
  });
});
