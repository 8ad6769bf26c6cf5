import type { QueryRunner } from 'typeorm';

// These statements have run in production in every subgraph's `search` and `search-nfkc` migrations: they must not
// change, only be called. A change to the search index is a new migration.

/**
 * The search index (subgraphs/kit/search.ts): the search rows, their Spanish tsvector over `unaccent`, a GIN index.
 * `unaccent` is only STABLE (it reads its dictionary by name), so the generated column calls an IMMUTABLE wrapper that
 * names the dictionary with the extension's schema, wherever that is. The extension is one per database, shared by the
 * subgraphs, which migrate in parallel: an advisory lock keeps their CREATE EXTENSION apart, and it is installed in
 * `public` (when not there already) so that dropping one subgraph's schema cannot take it away from the others.
 */
export async function createSearchIndex(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('ftm unaccent extension'))`);
  await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public');
  await queryRunner.query(
    `DO $do$
       DECLARE extension_schema text;
       BEGIN
         SELECT n.nspname INTO extension_schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent';
         EXECUTE format(
           $f$CREATE FUNCTION search_words(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
              AS $b$ SELECT regexp_replace(%1$I.unaccent(%2$L::regdictionary, $1), '[^[:alnum:]]+', ' ', 'g') $b$$f$,
           extension_schema, quote_ident(extension_schema) || '.unaccent');
       END
       $do$`,
  );
  await queryRunner.query(
    `CREATE TABLE "search_entry" (
         "kind" character varying NOT NULL,
         "id" character varying NOT NULL,
         "title" text NOT NULL,
         "body" text NOT NULL,
         "document" tsvector GENERATED ALWAYS AS (
           setweight(to_tsvector('spanish', search_words("title")), 'A') || setweight(to_tsvector('spanish', search_words("body")), 'B')
         ) STORED,
         CONSTRAINT "PK_search_entry" PRIMARY KEY ("kind", "id")
       )`,
  );
  await queryRunner.query(`CREATE INDEX "IDX_search_entry_document" ON "search_entry" USING gin ("document")`);
}

export async function dropSearchIndex(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TABLE "search_entry"`);
  await queryRunner.query(`DROP FUNCTION search_words(text)`);
}

/**
 * Search rows are NFKC-normalised when written (subgraphs/kit/search.ts), as the searched text is: the rows an older
 * index holds are rewritten once, their generated tsvector with them. Only rows that differ are touched.
 */
export async function normaliseSearchRows(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `UPDATE "search_entry" SET "title" = normalize("title", NFKC), "body" = normalize("body", NFKC)
       WHERE NOT ("title" IS NFKC NORMALIZED AND "body" IS NFKC NORMALIZED)`,
  );
}
