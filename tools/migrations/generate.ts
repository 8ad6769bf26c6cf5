import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { readConfig } from '../../subgraphs/kit/config';
import { repositoryRoot } from '../../common/paths';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../common/config/subgraphs';
import { openDataSource, postgresSchemaName } from '../../subgraphs/kit/data-source';
import { SUBGRAPHS } from '../subgraphs';
import { isMigrationTitle, renderMigration } from './render';
import { schemaDrift, type SchemaDrift } from './schema-drift';

const USAGE = `npm run migrations:generate -- <${SUBGRAPH_NAMES.join('|')}> <name, e.g. add-budget-notes>`;

/**
 * `npm run migrations:generate -- <subgraph> <name>`: after an entity change, writes the migration that brings a
 * database built by the existing migrations to the entities. It applies them to a throw-away schema of the PostgreSQL
 * database at DATABASE_URL, asks TypeORM's schema builder what is missing, writes migrations/<subgraph>/<timestamp>-<name>.ts
 * and drops the schema. Nothing else in the database is touched.
 */
async function main(): Promise<void> {
  const [subgraph, title, ...rest] = process.argv.slice(2);
  const problems: string[] = [];
  if (!SUBGRAPH_NAMES.includes(subgraph as SubgraphName)) problems.push(`the first argument must be a subgraph (got "${subgraph ?? ''}")`);
  if (!title || !isMigrationTitle(title)) problems.push(`the second argument must be a name in kebab-case (got "${title ?? ''}")`);
  if (rest.length > 0) problems.push(`unexpected arguments: ${rest.join(' ')}`);
  if (!process.env.DATABASE_URL) problems.push('DATABASE_URL must name a PostgreSQL database (a throw-away schema is made in it)');
  if (problems.length > 0) {
    console.error(`${problems.map((problem) => `  - ${problem}`).join('\n')}\nusage: ${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const name = subgraph as SubgraphName;
  const { drift, draftSchema } = await driftInDraftSchema(name);
  if (drift.up.length === 0) {
    console.log(`The ${name} entities and migrations agree: nothing to generate.`);
    return;
  }
  const migration = renderMigration(drift, {
    title,
    timestamp: Date.now(),
    draftSchema,
    command: `npm run migrations:generate -- ${name} ${title}`,
  });
  const file = path.join(repositoryRoot, 'migrations', name, migration.fileName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, migration.source);
  // The formatter decides line breaks in long statements, so the file passes `npm run lint` as written.
  spawnSync(path.join(repositoryRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'ignore' });
  console.log(
    `Wrote ${path.relative(process.cwd(), file)} (${migration.className}): ${drift.up.length} statement(s) up, ${drift.down.length} down.`,
  );
  console.log('Read it before committing: a rename shows as drop + add, which loses the column; move the data by hand there.');
}

async function driftInDraftSchema(name: SubgraphName): Promise<{ drift: SchemaDrift; draftSchema: string }> {
  const config = readConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_SCHEMA_PREFIX: `migration_draft_${process.pid}_`,
    LOAD_SAMPLE: 'false',
  });
  if (config.database.kind !== 'postgres') throw new Error('DATABASE_URL must name a PostgreSQL database');
  const draftSchema = postgresSchemaName(config, name);
  try {
    const { dataSource } = await openDataSource(name, SUBGRAPHS[name].entities, config);
    try {
      return { drift: await schemaDrift(dataSource), draftSchema };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    const client = new Client({ connectionString: config.database.url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${draftSchema}" CASCADE`).finally(() => client.end());
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
