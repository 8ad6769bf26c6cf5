import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import type { SubgraphContext } from './context';
import { badUserInput } from '../../common/errors';

/** Longest search text accepted: enough for any title a person types, short enough that a query stays cheap. */
export const MAX_SEARCH_TEXT_LENGTH = 200;
export const DEFAULT_SEARCH_HITS = 10;
export const MAX_SEARCH_HITS = 50;

/** The table each subgraph keeps its search rows in (one row per searchable item: kind, id, title words, other words). */
const SEARCH_TABLE = 'search_entry';
/** SQLite: the FTS5 index over the search rows. */
const FTS_TABLE = 'search_index';
/** The rows a refresh derives from the tables, compared with the stored ones. */
const FRESH_TABLE = 'search_fresh';
/** PostgreSQL: the immutable text normaliser (unaccent, then everything but letters and digits to spaces), see the migrations. */
const WORDS_FUNCTION = 'search_words';
/** SQLite: NFKC normalisation, which SQLite lacks, as a function of the connection (PostgreSQL has `normalize`). */
const SQLITE_NFKC_FUNCTION = 'search_nfkc';
/**
 * SQLite: how the stored search rows were written, in the database file's `user_version` (each subgraph has its own
 * file, and nothing else sets it). 0: before NFKC; 1: NFKC-normalised. An older index is refreshed once, which rewrites
 * just the rows that differ; checking the rows themselves at every start would cost seconds on a large database.
 * PostgreSQL's rows were rewritten by the `search-nfkc` migration.
 */
const SQLITE_INDEX_VERSION = 1;
const KIND_PATTERN = /^[a-z][a-z_]*$/;

/**
 * Words of the user's text: runs of letters and digits (with their combining marks). Whatever else the text holds —
 * quotes, `*`, `:`, parentheses, `OR`'s neighbours — only separates words, so the engines' query syntax never sees it.
 * NFKC, as the indexed text: compatibility forms (full-width `ｆｏｒｔａｍｕｎ`, ligatures like `ﬁ`, superscripts) are
 * the plain letters and digits they stand for, and accents are composed either way.
 */
export function searchWords(text: string): string[] {
  if (text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw badUserInput(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters (got ${text.length})`, 'text');
  }
  return text.normalize('NFKC').match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
}

export function searchHitCount(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > MAX_SEARCH_HITS) {
    throw badUserInput(`first must be between 0 and ${MAX_SEARCH_HITS} (got ${first})`, 'first');
  }
  return first;
}

/** What a source's SELECT is written with: the engine, and the escaped names of the subgraph's own tables and columns. */
export class SearchSql {
  constructor(private readonly dataSource: DataSource) {}

  get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  table(entity: EntityTarget<ObjectLiteral>): string {
    const { driver } = this.dataSource;
    return this.dataSource
      .getMetadata(entity)
      .tablePath.split('.')
      .map((part) => driver.escape(part))
      .join('.');
  }

  /** A function naming the entity's columns by property path (`source.dataset` for embedded ones). */
  columnsOf<E extends ObjectLiteral>(entity: EntityTarget<E>): (property: string) => string {
    const metadata = this.dataSource.getMetadata(entity);
    return (property) => {
      const column = metadata.findColumnWithPropertyPath(property);
      if (!column) throw new Error(`${metadata.name} has no column ${property}`);
      return this.dataSource.driver.escape(column.databaseName);
    };
  }

  /** The expressions' texts joined by spaces, nulls left out. */
  words(...expressions: string[]): string {
    return `concat_ws(' ', ${expressions.join(', ')})`;
  }

  /** The distinct values of an expression across a GROUP BY group, joined by spaces or commas (both only separate words). */
  distinctValues(expression: string): string {
    return this.postgres ? `string_agg(DISTINCT ${expression}, ' ')` : `group_concat(DISTINCT ${expression})`;
  }

  /** One key's value of a JSON object stored as text (simple-json). */
  jsonField(expression: string, key: string): string {
    return this.postgres ? `(${expression})::json ->> '${jsonKey(key)}'` : `json_extract(${expression}, '$.${jsonKey(key)}')`;
  }

  /** One key's values across a JSON array of objects stored as text, joined by spaces. */
  jsonFields(expression: string, key: string): string {
    return this.postgres
      ? `(SELECT string_agg(item ->> '${jsonKey(key)}', ' ') FROM json_array_elements((${expression})::json) AS item)`
      : `(SELECT group_concat(json_extract(value, '$.${jsonKey(key)}'), ' ') FROM json_each(${expression}))`;
  }
}

function jsonKey(key: string): string {
  if (!/^[A-Za-z]+$/.test(key)) throw new Error(`"${key}" is not a plain JSON key`);
  return key;
}

/** One list of search hits a subgraph serves: which rows feed it, and which words rank highest. */
export interface SearchSource {
  /** Names the hit list, e.g. `commitment`: lower-case letters and underscores, unique within the subgraph. */
  kind: string;
  /**
   * A SELECT over the subgraph's own tables giving `id`, `title` (the words that rank highest, e.g. a name) and `body`
   * (other words worth finding it by: codes, descriptions). What it leaves out can never be found.
   */
  select(sql: SearchSql): string;
}

const indexed = new WeakMap<DataSource, SearchSource[]>();

function qualified(dataSource: DataSource, name: string): string {
  const schema = (dataSource.options as PostgresConnectionOptions).schema;
  const { driver } = dataSource;
  return dataSource.options.type === 'postgres' && schema ? `${driver.escape(schema)}.${driver.escape(name)}` : driver.escape(name);
}

/**
 * Remembers the data source's sources, so that every load written through it refreshes its search rows, and makes sure
 * the index is there: SQLite's is created here when missing, PostgreSQL's by a migration. An index made over a
 * database written before search existed, or before one of its kinds did, is filled here (a kind with no rows may
 * simply have nothing to find: the refresh then writes nothing).
 */
export async function prepareSearchIndex(dataSource: DataSource, sources: SearchSource[]): Promise<void> {
  if (sources.length === 0) return;
  for (const { kind } of sources) if (!KIND_PATTERN.test(kind)) throw new Error(`"${kind}" is not a search kind`);
  indexed.set(dataSource, sources);
  const created = dataSource.options.type === 'postgres' ? await checkPostgresIndex(dataSource) : await createSqliteIndex(dataSource);
  const postgres = dataSource.options.type === 'postgres';
  const stale = !postgres && (await sqliteIndexVersion(dataSource)) < SQLITE_INDEX_VERSION;
  if (created || stale || (await kindMissing(dataSource, sources))) {
    await dataSource.transaction((manager) => refreshSearchIndex(manager));
  }
  if (stale) await dataSource.query(`PRAGMA user_version = ${SQLITE_INDEX_VERSION}`);
}

async function sqliteIndexVersion(dataSource: DataSource): Promise<number> {
  const [{ user_version: version }] = await dataSource.query('PRAGMA user_version');
  return Number(version);
}

/** The text as it is indexed: NFKC-normalised, as `searchWords` normalises what is searched for. */
function normalised(dataSource: DataSource, expression: string): string {
  return dataSource.options.type === 'postgres' ? `normalize(${expression}, NFKC)` : `${SQLITE_NFKC_FUNCTION}(${expression})`;
}

/** Gives the SQLite connection the normaliser its search rows are written with; deterministic, so SQLite may reuse results. */
function addSqliteNormaliser(dataSource: DataSource): void {
  const database = (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
  database.function(SQLITE_NFKC_FUNCTION, { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.normalize('NFKC') : text,
  );
}

async function kindMissing(dataSource: DataSource, sources: SearchSource[]): Promise<boolean> {
  const rows: { kind: string }[] = await dataSource.query(`SELECT DISTINCT kind FROM ${qualified(dataSource, SEARCH_TABLE)}`);
  const stored = new Set(rows.map((row) => row.kind));
  return sources.some((source) => !stored.has(source.kind));
}

/**
 * The search rows in a plain table (its integer key is the FTS rowid) and an FTS5 index over their title and body,
 * with the rows as its external content. FTS5 folds case and, with `remove_diacritics 2`, accents (ñ too), so
 * `educacion` finds *Educación*; it has no Spanish stemmer, so words match whole or as the last word's prefix.
 */
async function createSqliteIndex(dataSource: DataSource): Promise<boolean> {
  addSqliteNormaliser(dataSource);
  const existing = await dataSource.query(`SELECT name FROM sqlite_master WHERE name IN (?, ?)`, [SEARCH_TABLE, FTS_TABLE]);
  if (existing.length === 2) return false;
  // One without the other cannot be trusted (the index would point at rows that are gone): both are made anew.
  await dataSource.transaction(async (manager) => {
    await manager.query(`DROP TABLE IF EXISTS ${qualified(dataSource, FTS_TABLE)}`);
    await manager.query(`DROP TABLE IF EXISTS ${qualified(dataSource, SEARCH_TABLE)}`);
    await manager.query(
      `CREATE TABLE ${qualified(dataSource, SEARCH_TABLE)} (
         entry INTEGER PRIMARY KEY,
         kind varchar NOT NULL,
         id varchar NOT NULL,
         title text NOT NULL,
         body text NOT NULL,
         UNIQUE (kind, id)
       )`,
    );
    await manager.query(
      `CREATE VIRTUAL TABLE ${qualified(dataSource, FTS_TABLE)} USING fts5(title, body, content = ${SEARCH_TABLE}, content_rowid = entry,
         tokenize = "unicode61 remove_diacritics 2")`,
    );
  });
  return true;
}

/**
 * PostgreSQL's search structures are made by each subgraph's `search` migration (migrations/<subgraph>/): the rows with
 * a Spanish tsvector over `unaccent` under a GIN index, see there. An empty index over tables that hold data (the
 * migration has just run on an existing database) is filled here.
 */
async function checkPostgresIndex(dataSource: DataSource): Promise<boolean> {
  const table = qualified(dataSource, SEARCH_TABLE);
  const [{ present }] = await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [table]);
  if (!present) {
    throw new Error(
      `The PostgreSQL table ${table} is missing: the subgraph's search migration has not run (a schema adopted from before migrations records them all as applied); re-create the schema or run the migration by hand`,
    );
  }
  const [{ empty }] = await dataSource.query(`SELECT NOT EXISTS (SELECT 1 FROM ${table}) AS empty`);
  return empty;
}

/**
 * Brings the subgraph's search rows in line with what its tables hold now, inside the caller's transaction, so the
 * index commits (or rolls back) with the load that changed the data. Deriving the rows from the tables, rather than
 * following each write, keeps every write path in step (upserts, deletes, importers yet to come). The rows are
 * compared with the stored ones and only new, changed and vanished ones are written: re-reading the searchable tables
 * (programs, contracts, commitments… never the budget lines) is cheap, re-indexing their text is not.
 */
export async function refreshSearchIndex(manager: EntityManager): Promise<void> {
  const sources = indexed.get(manager.connection);
  if (!sources) return;
  const { connection } = manager;
  const postgres = connection.options.type === 'postgres';
  const table = qualified(connection, SEARCH_TABLE);
  const fresh = postgres ? `pg_temp.${FRESH_TABLE}` : `temp.${FRESH_TABLE}`;
  const sql = new SearchSql(connection);
  await manager.query(`DROP TABLE IF EXISTS ${fresh}`);
  await manager.query(
    `CREATE TEMPORARY TABLE ${FRESH_TABLE} (kind varchar NOT NULL, id varchar NOT NULL, title text NOT NULL, body text NOT NULL, PRIMARY KEY (kind, id))`,
  );
  for (const source of sources) {
    await manager.query(
      `INSERT INTO ${fresh} (kind, id, title, body)
       SELECT '${source.kind}', CAST(found.id AS varchar), ${normalised(connection, "coalesce(found.title, '')")},
         ${normalised(connection, "coalesce(found.body, '')")} FROM (${source.select(sql)}) AS found`,
    );
  }
  const stale = `NOT EXISTS (SELECT 1 FROM ${fresh} AS f WHERE f.kind = e.kind AND f.id = e.id AND f.title = e.title AND f.body = e.body)`;
  const added = `NOT EXISTS (SELECT 1 FROM ${table} AS e WHERE e.kind = f.kind AND e.id = f.id)`;
  if (postgres) {
    await manager.query(`DELETE FROM ${table} AS e WHERE ${stale}`);
    await manager.query(
      `INSERT INTO ${table} (kind, id, title, body) SELECT f.kind, f.id, f.title, f.body FROM ${fresh} AS f WHERE ${added}`,
    );
  } else {
    // An external-content FTS5 index forgets a row only when told its old text, so the stale rows leave it first.
    const fts = qualified(connection, FTS_TABLE);
    await manager.query(
      `INSERT INTO ${fts} (${fts}, rowid, title, body) SELECT 'delete', e.entry, e.title, e.body FROM ${table} AS e WHERE ${stale}`,
    );
    await manager.query(`DELETE FROM ${table} AS e WHERE ${stale}`);
    const [{ last }] = await manager.query(`SELECT coalesce(max(entry), 0) AS last FROM ${table}`);
    await manager.query(
      `INSERT INTO ${table} (kind, id, title, body) SELECT f.kind, f.id, f.title, f.body FROM ${fresh} AS f WHERE ${added}`,
    );
    await manager.query(`INSERT INTO ${fts} (rowid, title, body) SELECT entry, title, body FROM ${table} WHERE entry > ?`, [last]);
  }
  await manager.query(`DROP TABLE ${fresh}`);
}

export interface FoundItem {
  id: string;
  /** Relevance: higher is better; comparable only within one list of one engine. */
  score: number;
}

/**
 * The best `first` items of one kind for the text: every word must occur (accents and case ignored), the last one
 * as a prefix so that a word being typed already finds; title words weigh ten times the others.
 */
export async function findSearchItems(ctx: SubgraphContext, kind: string, text: string, first: number): Promise<FoundItem[]> {
  const words = searchWords(text);
  const limit = searchHitCount(first);
  if (words.length === 0 || limit === 0) return [];
  const { dataSource } = ctx;
  const table = qualified(dataSource, SEARCH_TABLE);
  let rows: { id: string; score: number | string }[];
  if (dataSource.options.type === 'postgres') {
    const normalise = qualified(dataSource, WORDS_FUNCTION);
    // The last word becomes a quoted prefix operand; the normaliser leaves only letters, digits and spaces in it.
    const last = `${normalise}($4)`;
    rows = await dataSource.query(
      `SELECT id, ts_rank('{0, 0, 0.1, 1}', document, query) AS score
       FROM ${table}, (SELECT plainto_tsquery('spanish', ${normalise}($3)) && CASE WHEN ${last} ~ '[[:alnum:]]'
         THEN to_tsquery('spanish', '''' || btrim(${last}) || ''':*') ELSE plainto_tsquery('spanish', '') END AS query) AS q
       WHERE kind = $1 AND document @@ query
       ORDER BY score DESC, id
       LIMIT $2`,
      [kind, limit, words.slice(0, -1).join(' '), words[words.length - 1]],
    );
  } else {
    const match = words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ');
    const fts = qualified(dataSource, FTS_TABLE);
    // CROSS JOIN keeps the FTS match as the outer loop: probing the index once per stored row of the kind is quadratic.
    rows = await dataSource.query(
      `SELECT e.id AS id, -bm25(${fts}, 10, 1) AS score FROM ${fts} CROSS JOIN ${table} AS e ON e.entry = ${fts}.rowid
       WHERE ${fts} MATCH ? AND e.kind = ?
       ORDER BY score DESC, e.id
       LIMIT ?`,
      [match, kind, limit],
    );
  }
  return rows.map((row) => ({ id: row.id, score: Number(row.score) }));
}
