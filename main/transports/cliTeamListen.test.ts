// What `tthc serve --team` prints for officers to type: never the wildcard it listens on, but the machine's own
// addresses, taken from a given list of interfaces (os.networkInterfaces() at run time).
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { reachableUrls } from './cliTeam';

const entry = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  (family === 'IPv4'
    ? { address, family, internal, netmask: '255.255.255.0', mac: '52:54:00:12:34:56', cidr: `${address}/24` }
    : { address, family, internal, netmask: 'ffff:ffff:ffff:ffff::', mac: '52:54:00:12:34:56', cidr: `${address}/64`, scopeid: 0 }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [entry('127.0.0.1', 'IPv4', true), entry('::1', 'IPv6', true)],
  eth0: [entry('192.168.10.25', 'IPv4'), entry('fd12:3456:789a::25', 'IPv6'), entry('fe80::5054:ff:fe12:3456', 'IPv6')],
  wlan0: [entry('10.0.0.7', 'IPv4')],
  down: undefined,
};

describe('the addresses a team server on every interface prints', () => {
  it('on 0.0.0.0: the machine name and each non-internal IPv4 address, never 0.0.0.0 or loopback', () => {
    expect(reachableUrls({ host: '0.0.0.0', port: 8443, scheme: 'https' }, INTERFACES, 'may-chu-phap-che')).toEqual([
      'https://may-chu-phap-che:8443/',
      'https://192.168.10.25:8443/',
      'https://10.0.0.7:8443/',
    ]);
  });

  it('on ::: the IPv6 addresses too, in brackets, without the link-local one a browser cannot open', () => {
    expect(reachableUrls({ host: '::', port: 8443, scheme: 'https' }, INTERFACES, 'may-chu-phap-che')).toEqual([
      'https://may-chu-phap-che:8443/',
      'https://192.168.10.25:8443/',
      'https://10.0.0.7:8443/',
      'https://[fd12:3456:789a::25]:8443/',
    ]);
  });

  it('a named address stays the one printed; a machine with only loopback still prints its name', () => {
    expect(reachableUrls({ host: '192.168.10.25', port: 8080, scheme: 'http' }, INTERFACES, 'may')).toEqual(['http://192.168.10.25:8080/']);
    expect(reachableUrls({ host: '0.0.0.0', port: 8443, scheme: 'https' }, { lo: INTERFACES.lo }, 'may')).toEqual(['https://may:8443/']);
  });
});
