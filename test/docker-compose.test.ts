import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { GATEWAY_NODE_FLAGS } from '../gateway/node-flags';
import { readSupergraphConfig } from '../tools/schema/supergraph-config';

/**
 * No Docker engine runs here, so this keeps docker-compose.yml honest by reading it: every subgraph the
 * supergraph was composed from has a service running its entry point on the port the gateway is told.
 */
const root = path.resolve(__dirname, '..');
interface Service {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  expose?: string[];
  ports?: string[];
  depends_on?: string[] | Record<string, unknown>;
}
const compose = load(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const manifest = Object.fromEntries(
  Object.entries(readSupergraphConfig(fs.readFileSync(path.join(root, 'schema/supergraph.yaml'), 'utf8')).subgraphs).map(
    ([name, { routing_url }]) => [name, routing_url],
  ),
);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** Every service that runs the gateway: the replicas. */
const gateways = Object.entries(compose.services).filter(([, service]) => service.command?.join(' ') === pkg.scripts['start:gateway']);

const entryExists = (compiled: string) => fs.existsSync(path.join(root, compiled.replace(/^dist\//, '').replace(/\.js$/, '.ts')));
/** The script a `node …` command runs, after its flags. */
const scriptOf = (command: string[]) => command.find((part) => part.endsWith('.js'))!;

describe('docker-compose.yml', () => {
  test.each(Object.entries(manifest))('runs the %s subgraph on the port composition recorded', (name, url) => {
    const service = compose.services[name];
    const port = new URL(url).port;
    expect(service).toBeDefined();
    expect(service.command).toEqual(['node', `dist/subgraphs/${name}/index.js`]);
    expect(entryExists(service.command![1])).toBe(true);
    expect(service.environment?.[`${name.toUpperCase()}_PORT`]).toBe(port);
    expect(service.expose).toEqual([port]);
    expect(service.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    for (const [, gateway] of gateways) expect(gateway.environment?.[`${name.toUpperCase()}_URL`]).toBe(`http://${name}:${port}/graphql`);
  });

  test('runs the gateway the way the package script does, on port 4000', () => {
    const gateway = compose.services.gateway;
    expect(gateway.command).toEqual(pkg.scripts['start:gateway'].split(' '));
    expect(entryExists(scriptOf(gateway.command!))).toBe(true);
    expect(gateway.ports).toEqual(['4000:4000']);
    expect(gateway.environment?.NODE_ENV).toBe('production');
    expect(gateway.depends_on).toEqual(expect.arrayContaining(Object.keys(manifest)));
  });

  test('runs two gateway replicas that share their rate limits through the Redis service', () => {
    expect(gateways.map(([name]) => name)).toHaveLength(2);
    expect(compose.services.redis?.image).toMatch(/^redis:/);
    const hostPorts = gateways.map(([, gateway]) => gateway.ports?.[0]?.split(':')[0]);
    expect(new Set(hostPorts).size).toBe(2);
    for (const [, gateway] of gateways) {
      expect(gateway.ports?.[0]).toMatch(new RegExp(`:${gateway.environment?.GATEWAY_PORT}$`));
      expect(gateway.environment?.NODE_ENV).toBe('production');
      expect(gateway.environment?.REDIS_URL).toMatch(/^redis:\/\/redis:6379(\/\d+)?$/);
      expect(gateway.depends_on).toEqual(expect.arrayContaining(['redis', ...Object.keys(manifest)]));
    }
    // One budget per client across replicas needs one key space.
    expect(new Set(gateways.map(([, gateway]) => `${gateway.environment?.REDIS_URL} ${gateway.environment?.REDIS_KEY_PREFIX}`)).size).toBe(
      1,
    );
  });

  test('every launcher of the gateway gives it the Node flags that bound its heap growth', () => {
    const flagsOf = (command: string[]) => command.slice(1, command.indexOf(scriptOf(command)));
    const launchers = {
      // `exec` so that npm's signals reach start.js itself, not a shell that would leave it running.
      'npm start': pkg.scripts.start.replace(/^exec /, '').split(' '),
      'npm run start:gateway': pkg.scripts['start:gateway'].split(' '),
      ...Object.fromEntries(gateways.map(([name, service]) => [`compose ${name}`, service.command!])),
      'the image': JSON.parse(/^CMD (.*)$/m.exec(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8'))![1]) as string[],
    };
    for (const [launcher, command] of Object.entries(launchers))
      expect([launcher, flagsOf(command)]).toEqual([launcher, [...GATEWAY_NODE_FLAGS]]);
  });

  test("participation trusts the gateways' X-Forwarded-For on the private network, and keeps its key in a volume", () => {
    const participation = compose.services.participation as Service & { volumes?: string[] };
    expect(participation.ports).toBeUndefined();
    expect(participation.environment?.PARTICIPATION_TRUST_PROXY).toMatch(/uniquelocal/);
    const keys = participation.environment?.PARTICIPATION_KEY_DIR;
    expect(participation.volumes).toContain(`participation-keys:${keys}`);
    // The image runs as `node`, which must own the folder the volume is mounted on to create the key there.
    expect(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toMatch(/chown -R node:node \.data/);
    expect(keys).toBe('/app/.data/participation-keys');
  });

  test('ships the schema and the sample data in the image', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/COPY common common/);
    expect(dockerfile).toMatch(/COPY schema schema/);
    expect(dockerfile).toMatch(/COPY data data/);
    // The gateway compiles web/routes.ts and serves web/public and web/examples at run time: both stages need it.
    expect(dockerfile.match(/COPY web web/g)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm run build/);
  });

  test('builds the migrations into the image, where the production subgraphs run them at start', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile.indexOf('COPY migrations migrations')).toBeGreaterThan(-1);
    expect(dockerfile.indexOf('COPY migrations migrations')).toBeLessThan(dockerfile.indexOf('npm run build'));
    const build = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    expect(build.include).toContain('migrations');
    for (const name of Object.keys(manifest)) expect(compose.services[name].environment?.NODE_ENV).toBe('production');
  });
});
