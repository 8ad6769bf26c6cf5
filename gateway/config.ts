import path from 'node:path';

/** The gateway's settings, read once and validated together (it shares no code with the subgraphs). */
export interface GatewayConfig {
  environment: 'development' | 'test' | 'production';
  port: number;
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name; the supergraph's own URLs are used for the others. */
  subgraphUrls: Record<string, string>;
}

export class GatewayConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid gateway configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'GatewayConfigError';
  }
}

export const SUBGRAPH_URL_VARIABLES = ['INSTITUTIONS_URL', 'COMMITMENTS_URL', 'BUDGETS_URL', 'ARCHIVES_URL'] as const;

/** The project's root folder, from the source tree or from its compiled copy in dist/. */
export const repositoryRoot = path.resolve(__dirname, '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');

export function readGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const problems: string[] = [];
  const environment = (env.NODE_ENV?.trim() || 'development') as GatewayConfig['environment'];
  if (!['development', 'test', 'production'].includes(environment)) {
    problems.push(`NODE_ENV must be development, test or production (got "${environment}")`);
  }
  const port = wholeNumber(env, 'GATEWAY_PORT', 4000, 0, 65_535, problems);
  const subgraphUrls: Record<string, string> = {};
  for (const variable of SUBGRAPH_URL_VARIABLES) {
    const value = env[variable]?.trim();
    if (!value) continue;
    if (!/^https?:\/\/[^\s]+$/.test(value)) problems.push(`${variable} must be an http(s) URL (got "${value}")`);
    subgraphUrls[variable.replace(/_URL$/, '').toLowerCase()] = value;
  }
  if (problems.length > 0) throw new GatewayConfigError(problems);
  return {
    environment,
    port,
    subgraphUrls,
    supergraphPath: path.resolve(repositoryRoot, env.SUPERGRAPH_PATH?.trim() || 'schema/supergraph.graphql'),
  };
}

function wholeNumber(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
) {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const parsed = Number(value);
  if (Number.isInteger(parsed) && parsed >= min && parsed <= max) return parsed;
  problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return fallback;
}
