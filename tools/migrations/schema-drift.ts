import type { DataSource } from 'typeorm';
import type { Query } from 'typeorm/driver/Query';

/** The statements that would bring a database to its entities (`up`), and back (`down`, in the order to run them). */
export interface SchemaDrift {
  up: Query[];
  down: Query[];
}

/**
 * Asks TypeORM's schema builder what it would change to make the open database match the entities, without changing
 * anything: empty when the migrations already built exactly what the entities describe.
 */
export async function schemaDrift(dataSource: DataSource): Promise<SchemaDrift> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries, down: [...sql.downQueries].reverse() };
}
