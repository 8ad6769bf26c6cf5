import net from 'node:net';

export interface SwitchableProxy {
  /** Where clients connect: stays the same through every switch. */
  url: string;
  /** Stops listening and drops every connection: clients get "connection refused", as from a stopped process. */
  down(): Promise<void>;
  /** Accepts connections and never answers, as a frozen process does. */
  freeze(): void;
  /** Forwards to the real server again, on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP proxy in front of a subgraph, to stop, freeze and revive it without touching the subgraph itself. */
export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port, pathname } = new URL(target);
  const sockets = new Set<net.Socket>();
  let frozen = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer((client) => {
    track(client);
    if (frozen) return;
    const upstream = net.connect(Number(port), hostname);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  const listen = (on: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(on, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
  };
  const proxyPort = await listen(0);
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      dropConnections();
    });
  return {
    url: `http://127.0.0.1:${proxyPort}${pathname}`,
    down: stopListening,
    freeze() {
      frozen = true;
      // Pooled connections still reach the real server: drop them so the next request meets the frozen one.
      dropConnections();
    },
    async up() {
      frozen = false;
      dropConnections();
      if (!server.listening) await listen(proxyPort);
    },
    close: stopListening,
  };
}
