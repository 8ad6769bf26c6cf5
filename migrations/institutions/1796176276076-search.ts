import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search index (subgraphs/kit/search.ts): the search rows, their Spanish tsvector over `unaccent`, a GIN index.
 * `unaccent` is only STABLE (it reads its dictionary by name), so the generated column calls an IMMUTABLE wrapper that
 * names the dictionary with the extension's schema, wherever that is. The extension is one per database, shared by the
 * four subgraphs, which migrate in parallel: an advisory lock keeps their CREATE EXTENSION apart, and it is installed in
 * `public` (when not there already) so that dropping one subgraph's schema cannot take it away from the others.
 */
export class Search1796176276076 implements MigrationInterface {
  name = 'Search1796176276076';

  async up(queryRunner: QueryRunner): Promise<void> {
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

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_entry"`);
    await queryRunner.query(`DROP FUNCTION search_words(text)`);
  }
}
