import { request } from './client';
import { FollowTheMoneyDocument } from './gql/graphql';

/**
 * `npm run examples -- [commitment id]` after `npm start`: follows one commitment's money through the API and prints
 * it in plain words. Every field below is typed from schema/api.graphql and web/examples/1-follow-the-money.graphql.
 */
async function main() {
  const endpoint = process.env.API_URL ?? 'http://localhost:4000/graphql';
  const id = process.argv[2] ?? 'MX-TLA-PAL-2016-03';
  const { data, errors } = await request(endpoint, FollowTheMoneyDocument, { id });
  for (const error of errors) console.error(`! ${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  const commitment = data?.commitment;
  if (!commitment) {
    console.log(`No commitment ${id}.`);
    return;
  }
  console.log(commitment.title);
  console.log(`  state: ${commitment.actionPlan?.state?.name ?? '?'} · responsible: ${commitment.responsibleInstitution?.name ?? '?'}`);
  for (const allocation of commitment.allocations ?? []) {
    const program = allocation.program;
    if (!program) continue;
    console.log(
      `  ${program.key} ${program.name} (${program.fiscalYear}): approved ${program.totals.approved ?? '—'}, paid ${program.totals.paid ?? '—'}`,
    );
  }
  for (const contract of commitment.contracts ?? []) {
    console.log(`  contract ${contract.title ?? ''}: ${contract.transactions.length} payment records`);
  }
  for (const record of commitment.records ?? []) {
    console.log(`  record ${record.code} (${record.access}) ${record.title ?? '[withheld]'}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
