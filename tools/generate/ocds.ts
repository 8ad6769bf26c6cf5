import path from 'node:path';
import { amountCentavos, formatAmount, scaled } from './amounts';
import type { GeneratedProgram } from './budget';
import type { BudgetCatalogue } from './catalogue';
import { dayOfYear, ocdsDateTime } from './dates';
import type { Random } from './random';
import { ocdsFileName, SYNTHETIC_FISCAL_YEAR } from './synthetic';
import { FileWriter } from './writer';

/** Payments a file holds before the next release starts a new file: keeps every file small enough to parse alone. */
const TRANSACTIONS_PER_FILE = 1_000;
const MAX_TRANSACTIONS_PER_CONTRACT = 19;
const SUPPLIERS = 5_000;

/** What the archival records generator needs to know about a contract to document it. */
export interface GeneratedContract {
  /** The importer's contract id, `<ocid>/<contracts[].id>`. */
  id: string;
  title: string;
  signedOn: string;
  program: GeneratedProgram;
  /** The importer's ids of its payments, `<contract id>/<transactions[].id>`. */
  transactionIds: string[];
}

/** How much OCDS to write: a number of payments (contracts of 1–19 payments until they are paid), or of contracts. */
export type OcdsSize = { transactions: number } | { contracts: number };

export interface OcdsSummary {
  files: number;
  contracts: number;
  transactions: number;
}

/**
 * Writes OCDS releases in the shape of the INAI publication (the one the OCDS importer reads payments from): one
 * release per file, charged to one generated program (`planning.budget` ramo, program and year), holding contracts of
 * 1–19 payments each until the file reaches about a thousand payments. `size` counts the payments (the last contract
 * is cut to the number asked for) or the contracts (about ten payments each, as CompraNet-sized benchmarks need). Each
 * contract is serialised and written as soon as it is drawn.
 */
export function writeOcdsFiles(
  directory: string,
  size: OcdsSize,
  programs: readonly GeneratedProgram[],
  catalogue: BudgetCatalogue,
  random: Random,
  onContract: (contract: GeneratedContract) => void,
): OcdsSummary {
  const transactions = 'transactions' in size ? size.transactions : Number.POSITIVE_INFINITY;
  const contracts = 'contracts' in size ? size.contracts : Number.POSITIVE_INFINITY;
  const more = (summary: OcdsSummary) => summary.transactions < transactions && summary.contracts < contracts;
  if (Math.min(transactions, contracts) > 0 && programs.length === 0)
    throw new Error('OCDS payments need at least one generated budget program (--lines ≥ 1)');
  const summary: OcdsSummary = { files: 0, contracts: 0, transactions: 0 };
  while (more(summary)) {
    summary.files += 1;
    const ocid = `ocds-synthetic-${SYNTHETIC_FISCAL_YEAR}-${String(summary.files).padStart(6, '0')}`;
    const program = random.pick(programs);
    const { template } = program;
    const buyer = { id: `${template.ramo.padStart(2, '0')}${template.unit}`, name: template.unitName };
    const writer = new FileWriter(path.join(directory, ocdsFileName(summary.files)));
    // The release without its contracts, left open so that contracts can follow one at a time.
    writer.write(`${JSON.stringify(releaseHead(ocid, buyer, program, summary.files)).slice(0, -1)},"contracts":[`);
    let inFile = 0;
    while (inFile < TRANSACTIONS_PER_FILE && more(summary)) {
      const payments = Math.min(random.int(1, MAX_TRANSACTIONS_PER_CONTRACT), transactions - summary.transactions);
      summary.contracts += 1;
      const contract = contractJson(summary.contracts, payments, buyer, program, catalogue, random);
      writer.write(`${inFile === 0 ? '' : ','}${JSON.stringify(contract.json)}`);
      onContract({
        id: `${ocid}/${contract.json.id}`,
        title: contract.json.title,
        signedOn: contract.signedOn,
        program,
        transactionIds: contract.json.implementation.transactions.map((payment) => `${ocid}/${contract.json.id}/${payment.id}`),
      });
      inFile += payments;
      summary.transactions += payments;
    }
    writer.write(']}\n');
    writer.close();
  }
  return summary;
}

interface Party {
  id: string;
  name: string;
}

/**
 * What the red flags read (docs/red-flags.md), drawn from the file's number rather than from the random stream so that
 * a seed's amounts stay what they were: seven files in ten are direct awards, two open tenders, one an invitation; a
 * tender's period runs 8 to 27 days and it receives 1 to 5 bids.
 */
function tenderOf(file: number) {
  const kind = file % 10;
  const method = kind < 7 ? 'direct' : kind < 9 ? 'open' : 'limited';
  if (method === 'direct') return { procurementMethod: method };
  const opensOn = dayOfYear(SYNTHETIC_FISCAL_YEAR, 20 + (file % 150));
  const publishedOn = dayOfYear(SYNTHETIC_FISCAL_YEAR, 20 + (file % 150) - (8 + (file % 20)));
  return {
    procurementMethod: method,
    tenderPeriod: { startDate: ocdsDateTime(publishedOn), endDate: ocdsDateTime(opensOn) },
    numberOfTenderers: 1 + (file % 5),
  };
}

/** Everything of an INAI-style release but its contracts; the importer reads the program from `planning.budget`. */
function releaseHead(ocid: string, buyer: Party, program: GeneratedProgram, file: number) {
  const { template } = program;
  return {
    ocid,
    id: `${ocid}-01`,
    date: ocdsDateTime(`${SYNTHETIC_FISCAL_YEAR}-12-31`),
    tag: ['contract', 'implementation'],
    initiationType: 'tender',
    language: 'es',
    buyer,
    tender: tenderOf(file),
    planning: {
      budget: {
        anio: SYNTHETIC_FISCAL_YEAR,
        ramo: template.ramo.padStart(2, '0'),
        programa_presupuestario: `${template.modality}${template.program.padStart(3, '0')}`,
        description: template.programName,
      },
    },
  };
}

function contractJson(
  sequence: number,
  payments: number,
  buyer: Party,
  program: GeneratedProgram,
  catalogue: BudgetCatalogue,
  random: Random,
) {
  const id = `SYN-${SYNTHETIC_FISCAL_YEAR}-${String(sequence).padStart(8, '0')}`;
  const item = random.pick(catalogue.items);
  const supplierNumber = String(random.int(1, SUPPLIERS)).padStart(5, '0');
  const supplier = { id: `SINTETICO-${supplierNumber}`, name: `Proveedor sintético ${supplierNumber}, S.A. de C.V.` };
  const signedDay = random.int(0, 180);
  const signedOn = dayOfYear(SYNTHETIC_FISCAL_YEAR, signedDay);
  const endsOn = dayOfYear(SYNTHETIC_FISCAL_YEAR, signedDay + random.int(30, 180));
  let paidTotal = 0;
  const transactions = [];
  for (let p = 1; p <= payments; p += 1) {
    const amount = amountCentavos(random, 3, 6);
    paidTotal += amount;
    transactions.push({
      id: `${id}-P${String(p).padStart(2, '0')}`,
      source: 'Presupuesto de Egresos de la Federación',
      date: ocdsDateTime(dayOfYear(SYNTHETIC_FISCAL_YEAR, signedDay + random.int(1, 180))),
      // JSON numbers, as the publishers write them; with at most nine integer digits they read back exactly.
      value: { amount: Number(formatAmount(amount)), currency: 'MXN' },
      payer: buyer,
      payee: supplier,
    });
  }
  // One contract in thirteen starts three days before it is signed; one in seventeen publishes an amendment.
  const startsOn = sequence % 13 === 0 ? dayOfYear(SYNTHETIC_FISCAL_YEAR, Math.max(signedDay - 3, 0)) : signedOn;
  const json = {
    id,
    title: `${item.specificName} — ${program.template.programName}`,
    description: `Contrato sintético para pruebas de carga: ${item.specificName.toLowerCase()} (partida ${item.specific}).`,
    status: 'active',
    value: { amount: Number(formatAmount(scaled(random, paidTotal, 10_000, 12_000))), currency: 'MXN' },
    dateSigned: ocdsDateTime(signedOn),
    period: { startDate: ocdsDateTime(startsOn), endDate: ocdsDateTime(endsOn) },
    amendments: sequence % 17 === 0 ? [{ id: `${id}-M1`, date: ocdsDateTime(endsOn), rationale: 'Ampliación del plazo (sintética).' }] : [],
    suppliers: [supplier],
    items: [{ classification: { id: Number(item.specific), scheme: 'CUCoP', description: item.specificName }, quantity: 1 }],
    implementation: { transactions },
  };
  return { json, signedOn };
}
