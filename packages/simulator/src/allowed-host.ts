import { isIP } from 'node:net';
import { hostname as machineHostname, networkInterfaces } from 'node:os';

function isPrivateOrLocalIp(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return (
      a === 127 ||
      a === 10 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168)
    );
  }
  const lower = address.toLowerCase();
  return lower === '::1' || lower === '::' || lower.startsWith('fc') || lower.startsWith('fd');
}

function interfaceAddresses(): Set<string> {
  const addresses = new Set<string>();
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) addresses.add(entry.address.toLowerCase());
  }
  return addresses;
}

/**
 * Ollama's DNS-rebinding guard (allowedHostsMiddleware, ollama-api.md §1), used when the server
 * listens on a loopback address: the Host must be empty, localhost, this machine's name, a
 * loopback/private/unspecified/local-interface IP, or end in .localhost, .local or .internal.
 */
export function isAllowedHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return true;
  let host = hostHeader;
  const bracket = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracket) host = bracket[1] as string;
  else if (host.split(':').length === 2) host = host.slice(0, host.lastIndexOf(':'));
  host = host.toLowerCase();
  if (host === 'localhost' || host === machineHostname().toLowerCase()) return true;
  if (host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal'))
    return true;
  if (isIP(host) === 0) return false;
  return isPrivateOrLocalIp(host) || interfaceAddresses().has(host);
}

/** Whether a bind address is loopback (then the Host check applies). */
export function isLoopbackAddress(address: string): boolean {
  return address === 'localhost' || address === '::1' || address.startsWith('127.');
}
