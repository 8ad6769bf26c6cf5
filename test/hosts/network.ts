import { execFileSync } from 'node:child_process';

/** Every namespace, bridge and veth this test makes starts with this, so a crashed run's leftovers are found and removed. */
export const PREFIX = 'ftmh-';
const SWITCH = `${PREFIX}sw`;
const BRIDGE = 'br0';
const SUBNET_BITS = 16;

export interface Host {
  /** The network namespace (`ftmh-<name>`). */
  namespace: string;
  address: string;
  /** The veth end on the switch: taking it down makes the host unreachable (packets vanish, nothing is refused). */
  port: string;
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function inside(namespace: string, command: string, ...args: string[]): string {
  return execFileSync('ip', ['netns', 'exec', namespace, command, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Removes every `ftmh-` namespace (their veths go with them); idempotent, never throws. */
export function removeAll(): void {
  const names = ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((name) => name.startsWith(PREFIX));
  for (const name of names) {
    try {
      ip('netns', 'delete', name);
    } catch {
      // Already gone: nothing to remove.
    }
  }
}

/**
 * Hosts on one switch: a namespace holding a bridge, and for each host a namespace joined to it by a veth pair.
 * The machine's own namespace is not touched. (The delay between hosts comes from delay-proxy.js: this kernel has
 * no `netem`.)
 */
export function buildNetwork<Name extends string>(addresses: Record<Name, string>): Record<Name, Host> {
  removeAll();
  ip('netns', 'add', SWITCH);
  inside(SWITCH, 'ip', 'link', 'add', BRIDGE, 'type', 'bridge');
  inside(SWITCH, 'ip', 'link', 'set', BRIDGE, 'up');
  const hosts = {} as Record<Name, Host>;
  for (const [name, address] of Object.entries(addresses) as [Name, string][]) {
    const namespace = `${PREFIX}${name}`;
    const port = `p-${name}`.slice(0, 15);
    ip('netns', 'add', namespace);
    ip('link', 'add', port, 'netns', SWITCH, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', namespace);
    inside(SWITCH, 'ip', 'link', 'set', port, 'master', BRIDGE);
    inside(SWITCH, 'ip', 'link', 'set', port, 'up');
    inside(namespace, 'ip', 'link', 'set', 'lo', 'up');
    inside(namespace, 'ip', 'addr', 'add', `${address}/${SUBNET_BITS}`, 'dev', 'eth0');
    inside(namespace, 'ip', 'link', 'set', 'eth0', 'up');
    hosts[name] = { namespace, address, port };
  }
  return hosts;
}

/** Cuts a host off the switch (its processes keep running, its packets are lost) or puts it back. */
export function setReachable(host: Host, reachable: boolean): void {
  inside(SWITCH, 'ip', 'link', 'set', host.port, reachable ? 'up' : 'down');
}
