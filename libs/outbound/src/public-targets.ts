import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Where the server may send a request whose address an admin gave: a webhook, a Teams workflow, an
// OIDC issuer and the endpoints its discovery document names. An admin could otherwise point one
// at the database, the cloud metadata service or anything else on our network (server-side request
// forgery), so unless the configuration allows private targets (tests, development) only public
// addresses are reached.

/** IPv4 ranges that are not the public internet (IANA special-purpose registry). */
const NON_PUBLIC_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

/** IPv6 inside global unicast (2000::/3) that is still not public; all else outside it is refused. */
const NON_PUBLIC_V6: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, Teredo
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: may wrap any IPv4 address
  ['3fff::', 20], // documentation
];

const nonPublic = new BlockList();
for (const [network, prefix] of NON_PUBLIC_V4) nonPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of NON_PUBLIC_V6) nonPublic.addSubnet(network, prefix, 'ipv6');
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');

/** Whether an IP address is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !nonPublic.check(address, 'ipv4');
  if (family !== 6) return false;
  // Outside global unicast lie loopback, link-local, unique-local, multicast and IPv4 written as
  // IPv6 (::ffff:10.0.0.1): all refused.
  return globalUnicastV6.check(address, 'ipv6') && !nonPublic.check(address, 'ipv6');
}

/** Why a target is refused: said to the admin who registers it and recorded on a dead delivery. */
export class RefusedTargetError extends Error {}

/** The URL's port is not one a webhook may use (see `checkPort`). */
export class RefusedPortError extends RefusedTargetError {}

/** The host has no address now; it may have one later. */
export class UnresolvedTargetError extends Error {}

export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * A webhook goes to a web port: 443, 80, or an unprivileged one (1024 and up). The ports below
 * 1024 belong to other services (SSH, SMTP, DNS, LDAP…), which a webhook must not be able to talk
 * to, wherever they run.
 */
export function checkPort(url: URL): void {
  const port = url.port === '' ? (url.protocol === 'http:' ? 80 : 443) : Number(url.port);
  if (port !== 443 && port !== 80 && port < 1024) {
    throw new RefusedPortError(
      `port ${port} is not allowed: a webhook may use port 443, 80 or any port from 1024 up`,
    );
  }
}

/**
 * Checks the URL's port, then resolves its host and checks every address it has (one private answer is enough to refuse:
 * DNS could hand it out next time); answers the addresses to connect to, so that a changed DNS
 * answer cannot redirect the request. Throws RefusedPortError for a port outside the rule (in every
 * setting), RefusedTargetError for a non-public target unless private targets are allowed, and
 * UnresolvedTargetError for a host that does not resolve.
 */
export async function checkTarget(url: URL, allowPrivate: boolean): Promise<CheckedAddress[]> {
  checkPort(url);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await lookup(host, { all: true, verbatim: true }).catch((error: NodeJS.ErrnoException) => {
        throw new UnresolvedTargetError(
          `${host} does not resolve (${error.code ?? error.message})`,
        );
      });
  if (addresses.length === 0) throw new UnresolvedTargetError(`${host} does not resolve`);
  if (!allowPrivate) {
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) {
      throw new RefusedTargetError(
        `${host} is ${refused.address === host ? '' : `at ${refused.address}, `}` +
          'a private, loopback, link-local or otherwise non-public address',
      );
    }
  }
  return addresses.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}
