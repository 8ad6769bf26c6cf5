/**
 * The Node flags every launcher gives the gateway's process: `npm start`, `npm run start:gateway`, docker-compose, the
 * image and `bench:api` (a test keeps them in step).
 *
 * V8 lets the old space grow between full collections by a factor it derives from the heap limit: 4× what survived
 * the last one when the limit is 2 GiB or more (the default on a machine with much memory: 4 GiB here), 1.3–2× below.
 * The gateway's requests leave much short-lived garbage behind, and with the default it peaked at 312–320 MiB of RSS
 * under ten connections; with a 1 GiB limit, 182–190 MiB at the same CPU per request (docs/benchmarks.md, How fast: Memory).
 * What the gateway keeps alive — about 60 MiB, plus its bounded caches (the in-memory response cache, 64 MiB by
 * default, and Apollo's document and query-plan caches, about 30 MiB each) — stays far below 1 GiB.
 */
export const GATEWAY_NODE_FLAGS = ['--max-old-space-size=1024'] as const;
