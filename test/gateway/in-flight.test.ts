import { InFlight } from '../../gateway/cache/in-flight';

describe('merging identical requests in flight', () => {
  test('ten concurrent identical requests run once; each caller gets its own copy', async () => {
    let merged = 0;
    const inFlight = new InFlight<{ data: { n: number } }>(() => {
      merged += 1;
    });
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const work = async () => {
      runs += 1;
      await gate;
      return { data: { n: runs } };
    };
    const answers = Array.from({ length: 10 }, () => inFlight.run('same', work));
    release();
    const results = await Promise.all(answers);
    expect(runs).toBe(1);
    expect(merged).toBe(9);
    expect(results.every((result) => result.data.n === 1)).toBe(true);
    expect(new Set(results).size).toBe(10);
  });

  test('different keys run apart, and a settled request is not reused', async () => {
    const inFlight = new InFlight<number>();
    let runs = 0;
    await Promise.all([inFlight.run('a', async () => ++runs), inFlight.run('b', async () => ++runs)]);
    await inFlight.run('a', async () => ++runs);
    expect(runs).toBe(3);
  });

  test('a failure reaches every waiter and is not kept', async () => {
    const inFlight = new InFlight<number>();
    const failing = () => Promise.reject(new Error('down'));
    await expect(Promise.all([inFlight.run('x', failing), inFlight.run('x', failing)])).rejects.toThrow('down');
    await expect(inFlight.run('x', async () => 1)).resolves.toBe(1);
  });
});
