import path from 'node:path';
import express, { type Request, type Router } from 'express';
import { readExamples } from './examples';

/**
 * Browser files taken from installed packages and served by the gateway itself, so the explorer works with the
 * network unplugged. GraphiQL 3 is used because it ships a UMD build that runs from plain script tags; GraphiQL 5
 * is ESM-only with Monaco workers and would need a bundler step for the same result.
 */
const VENDOR: Readonly<Record<string, [pkg: string, file: string]>> = {
  'react.js': ['react', 'umd/react.production.min.js'],
  'react-dom.js': ['react-dom', 'umd/react-dom.production.min.js'],
  'graphiql.js': ['graphiql', 'graphiql.min.js'],
  'graphiql.css': ['graphiql', 'graphiql.min.css'],
  'explorer.js': ['@graphiql/plugin-explorer', 'dist/index.umd.js'],
  'explorer.css': ['@graphiql/plugin-explorer', 'dist/style.css'],
};

/** The folder web/ in the source tree, also when this file runs compiled from dist/web/. */
const WEB = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? path.join('..', '..', 'web') : '.');
const PUBLIC = path.join(WEB, 'public');

/** A browser asking for /graphql (GET with Accept: text/html and no query) wants the explorer, not a GraphQL error. */
export function wantsExplorer(req: Request): boolean {
  return req.method === 'GET' && req.query.query === undefined && (req.accepts(['json', 'html']) as string) === 'html';
}

/**
 * The pages people use: the journalist's page at /, the technical secretariat's at /secretariado, the explorer at
 * /explorer (and /graphql for browsers).
 */
export function webRouter(): Router {
  const router = express.Router();
  const examples = readExamples(path.join(WEB, 'examples'));
  const explorer = path.join(PUBLIC, 'explorer.html');
  const assets = { maxAge: '1h', fallthrough: false, index: false } as const;

  for (const [name, [pkg, file]] of Object.entries(VENDOR)) {
    // Through package.json because the packages' `exports` maps do not list their browser builds.
    const absolute = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
    router.get(`/assets/vendor/${name}`, (_req, res) => res.sendFile(absolute, { maxAge: '1d' }));
  }
  router.use('/assets', express.static(path.join(PUBLIC, 'assets'), assets));
  router.get('/explorer/examples.json', (_req, res) => res.json(examples));
  router.get('/explorer', (_req, res) => res.sendFile(explorer));
  router.get('/graphql', (req, res, next) => (wantsExplorer(req) ? res.sendFile(explorer) : next()));
  router.get('/secretariado', (_req, res) => res.sendFile(path.join(PUBLIC, 'secretariado.html')));
  router.get('/', (_req, res) => res.sendFile(path.join(PUBLIC, 'index.html')));
  return router;
}
