import { Query } from 'typeorm/driver/Query';
import { isMigrationTitle, renderMigration } from '../../../tools/migrations/render';

const options = { title: 'add-budget-notes', timestamp: 1796173402462, draftSchema: 'migration_draft_42_budgets', command: 'npm run x' };

describe('renderMigration', () => {
  test('names the file and class after the title and timestamp, as TypeORM orders them', () => {
    const migration = renderMigration({ up: [new Query('SELECT 1')], down: [new Query('SELECT 2')] }, options);
    expect(migration.fileName).toBe('1796173402462-add-budget-notes.ts');
    expect(migration.className).toBe('AddBudgetNotes1796173402462');
    expect(renderMigration({ up: [], down: [] }, { ...options, title: 'AddBudgetNotes' }).fileName).toBe(
      '1796173402462-add-budget-notes.ts',
    );
  });

  test('takes the draft schema out of every statement, so the migration runs in any schema', () => {
    const { source } = renderMigration(
      {
        up: [new Query('CREATE TYPE "migration_draft_42_budgets"."line_kind_enum" AS ENUM(\'a\', \'b\')')],
        down: [new Query('DROP TYPE "migration_draft_42_budgets"."line_kind_enum"')],
      },
      options,
    );
    expect(source).not.toContain('migration_draft');
    expect(source).toContain("await queryRunner.query(`CREATE TYPE \"line_kind_enum\" AS ENUM('a', 'b')`);");
    expect(source).toContain('await queryRunner.query(`DROP TYPE "line_kind_enum"`);');
  });

  test('refuses a statement that would still name the draft schema', () => {
    const drift = { up: [new Query("SELECT * FROM pg_tables WHERE schemaname = 'migration_draft_42_budgets'")], down: [] };
    expect(() => renderMigration(drift, options)).toThrow(/independent of the schema/);
  });

  test('writes each statement as a template string that evaluates to the statement, backticks, backslashes and placeholders included', () => {
    const sql = `COMMENT ON COLUMN "a"."b" IS '\`x\` \\ ${'$'}{y}'`;
    const { source } = renderMigration({ up: [new Query(sql, ['p'])], down: [] }, options);
    const call = /await queryRunner\.query\((`(?:\\.|[^`\\])*`), (\[.*\])\);/.exec(source);
    expect(call).not.toBeNull();
    expect(new Function(`return ${call![1]};`)()).toBe(sql);
    expect(JSON.parse(call![2])).toEqual(['p']);
  });

  test('accepts names in kebab-case or PascalCase only', () => {
    expect(isMigrationTitle('add-budget-notes')).toBe(true);
    expect(isMigrationTitle('AddBudgetNotes')).toBe(true);
    for (const bad of ['', '1-first', 'add notes', 'add--notes', 'add_notes', '../x']) expect(isMigrationTitle(bad)).toBe(false);
  });
});
