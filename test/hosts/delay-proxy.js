// Delays every byte between hosts: this machine's kernel has no `netem` qdisc, so each host runs this in front of the
// services it offers. It listens on the host's address and forwards to the service on the host's loopback, holding
// each chunk DELAY ms in each direction (what netem on both ends' egress would do); end and reset follow the data.
// Usage: node delay-proxy.js DELAY listenHost:port=targetPort …
const net = require('node:net');

const [delayArgument, ...forwards] = process.argv.slice(2);
const delay = Number(delayArgument);

function pipeLater(from, to) {
  from.on('data', (chunk) => setTimeout(() => to.destroyed || to.write(chunk), delay));
  from.on('end', () => setTimeout(() => to.destroyed || to.end(), delay));
  from.on('error', () => setTimeout(() => to.destroy(), delay));
  from.on('close', () => setTimeout(() => to.destroyed || to.end(), delay));
}

for (const forward of forwards) {
  const [listen, targetPort] = forward.split('=');
  const [host, port] = listen.split(':');
  net
    .createServer((incoming) => {
      const outgoing = net.connect(Number(targetPort), '127.0.0.1');
      pipeLater(incoming, outgoing);
      pipeLater(outgoing, incoming);
    })
    .listen(Number(port), host, () => process.stdout.write(`${listen} -> 127.0.0.1:${targetPort}, ${delay} ms each way\n`));
}
process.on('SIGTERM', () => process.exit(0));
