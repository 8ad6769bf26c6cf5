import { SUBGRAPH_UNAVAILABLE } from '../../gateway/subgraph-client';
import { startFederation, type TestFederation } from '../helpers/federation';
import { startSwitchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy';

let api: TestFederation;
let participation: SwitchableProxy;

beforeAll(async () => {
  api = await startFederation({
    route: async (name, url) => {
      if (name !== 'participation') return url;
      participation = await startSwitchableProxy(url);
      return participation.url;
    },
  });
}, 180_000);
afterAll(async () => {
  await participation?.close();
  await api?.stop();
});

const feed = (path: string) => fetch(`${new URL(api.gateway.url).origin}${path}`);

describe('a feed while the participation subgraph is away', () => {
  test('is a coded 503, never a feed that looks complete without its reports; it comes back with the subgraph', async () => {
    for (const path of ['/feeds/commitments/MX-TLA-PAL-2016-03.atom', '/feeds/states/29.atom']) {
      expect((await feed(path)).status).toBe(200);
      await participation.down();
      const away = await feed(path);
      expect(away.status).toBe(503);
      const body = (await away.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors).toEqual([
        { message: 'The feed cannot be built right now; try again later', extensions: { code: SUBGRAPH_UNAVAILABLE } },
      ]);
      await participation.up();
      expect((await feed(path)).status).toBe(200);
    }
  });
});
