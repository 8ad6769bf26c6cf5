// `npm run test:hosts` starts here: it needs root and the machine's tools, and says so in one message if not.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const works = (command, args) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const missing = [];
if (typeof process.getuid !== 'function' || process.getuid() !== 0) missing.push('root (network namespaces)');
if (!works('ip', ['netns', 'list'])) missing.push('`ip netns` (iproute2)');
if (!works('tc', ['-V'])) missing.push('`tc` (iproute2, for netem delays)');
if (!works('redis-server', ['--version'])) missing.push('`redis-server`');
const postgres =
  fs.existsSync('/usr/lib/postgresql') &&
  fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
if (!postgres) missing.push('PostgreSQL server binaries under /usr/lib/postgresql/<version>/bin');
if (!works('id', ['postgres'])) missing.push('the `postgres` user');
if (missing.length > 0) {
  console.error(`test:hosts needs ${missing.join(', ')}: run it as root on a Linux machine with them (CI has them).`);
  process.exit(1);
}
