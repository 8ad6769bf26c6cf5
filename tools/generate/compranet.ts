import { COMPRANET_COLUMNS } from '../../subgraphs/budgets/importers/compranet.importer';
import { amountCentavos, formatAmount } from './amounts';
import type { GeneratedProgram } from './budget';
import { dayOfYear } from './dates';
import type { Random } from './random';
import { compranetFileName, SYNTHETIC_FISCAL_YEAR } from './synthetic';
import { SplitCsvWriter } from './writer';

/** Contracts a file holds: a real year's file has about 230,000, well under what the importer's reader decodes at once. */
const CONTRACTS_PER_FILE = 200_000;
const SUPPLIERS = 20_000;
const UNITS_PER_PROGRAM_UNIT = 3;

export interface CompraNetSummary {
  files: string[];
  contracts: number;
}

type Column = (typeof COMPRANET_COLUMNS)[number];

/**
 * The procedures in about the shares CompraNet publishes (most contracts are direct awards), with the TIPO_PROCEDIMIENTO
 * and PLANTILLA_EXPEDIENTE texts the real files use.
 */
const PROCEDURES = [
  { share: 70, type: 'Adjudicación Directa Federal', template: '05. Adjudicación Directa LAASSP', prefix: 'AA', tendered: false },
  { share: 20, type: 'Licitación Pública', template: '01. Licitación Pública LAASSP', prefix: 'LA', tendered: true },
  {
    share: 10,
    type: 'Invitación a Cuando Menos 3 Personas',
    template: '03. Invitación a Cuando Menos Tres Personas LAASSP',
    prefix: 'IA',
    tendered: true,
  },
];

/**
 * Writes `count` contracts in the SFP's CompraNet layout (2018: a header row, the dictionary's 45 columns) into
 * `directory`, each charged to one generated program and bought by a federal unit of that program's ramo. What the red
 * flags read is drawn so that each flag is raised on some contracts and not on others: publication and opening of
 * proposals for tendered procedures (some periods under the legal minimum), start dates around the signature (some
 * before it), modifying agreements, and buying units that return to a favourite supplier (repeated direct awards).
 */
export function writeCompraNetFiles(
  directory: string,
  count: number,
  programs: readonly GeneratedProgram[],
  random: Random,
): CompraNetSummary {
  if (count > 0 && programs.length === 0) throw new Error('CompraNet contracts need at least one generated budget program (--lines ≥ 1)');
  const writer = new SplitCsvWriter(directory, COMPRANET_COLUMNS, CONTRACTS_PER_FILE, compranetFileName, '\n');
  for (let i = 0; i < count; i += 1) writer.write(contractRow(i, random.pick(programs), random));
  writer.close();
  return { files: writer.files, contracts: count };
}

function contractRow(index: number, program: GeneratedProgram, random: Random): string[] {
  const { template } = program;
  const ramo = template.ramo.padStart(2, '0');
  const unitKey = `0${ramo}${template.unit}${String(random.int(1, UNITS_PER_PROGRAM_UNIT)).padStart(3, '0')}`;
  const draw = random.int(1, 100);
  const procedure =
    draw <= PROCEDURES[0].share ? PROCEDURES[0] : draw <= PROCEDURES[0].share + PROCEDURES[1].share ? PROCEDURES[1] : PROCEDURES[2];
  const signedDay = random.int(60, 330);
  const signedOn = dayOfYear(SYNTHETIC_FISCAL_YEAR, signedDay);
  const startsOn = dayOfYear(SYNTHETIC_FISCAL_YEAR, signedDay + random.int(-5, 15));
  const published = procedure.tendered ? signedDay - random.int(25, 55) : null;
  const opens = published === null ? null : published + random.int(4, 25);
  // A unit gives a third of its contracts to the supplier its key points to, so direct awards repeat within 30 days.
  const supplier = random.percent(33) ? favouriteSupplier(unitKey) : random.int(1, SUPPLIERS);
  const code = String(1_000_000 + index);
  const values: Partial<Record<Column, string>> = {
    GOBIERNO: 'APF',
    SIGLAS: `R${ramo}`,
    DEPENDENCIA: template.ramoName,
    CLAVEUC: unitKey,
    NOMBRE_DE_LA_UC: `${template.unitName} #${unitKey}`,
    RESPONSABLE: 'SINTÉTICO',
    CODIGO_EXPEDIENTE: String(2_000_000 + index),
    TITULO_EXPEDIENTE: `Expediente sintético ${index + 1}`,
    PLANTILLA_EXPEDIENTE: procedure.template,
    NUMERO_PROCEDIMIENTO: `${procedure.prefix}-${unitKey}-E${index + 1}-${SYNTHETIC_FISCAL_YEAR}`,
    PROC_F_PUBLICACION: published === null ? '' : `${dayOfYear(SYNTHETIC_FISCAL_YEAR, published)} 10:00`,
    FECHA_APERTURA_PROPOSICIONES: opens === null ? '' : `${dayOfYear(SYNTHETIC_FISCAL_YEAR, opens)} 11:00`,
    CARACTER: random.percent(85) ? 'Nacional' : random.percent(50) ? 'Internacional' : 'Internacional bajo TLC',
    TIPO_CONTRATACION: random.pick(['Adquisiciones', 'Servicios', 'Arrendamientos', 'Obra Pública']),
    TIPO_PROCEDIMIENTO: procedure.type,
    FORMA_PROCEDIMIENTO: random.pick(['Presencial', 'Electrónica', 'Mixta']),
    CODIGO_CONTRATO: code,
    TITULO_CONTRATO: `Contrato sintético ${index + 1} de ${template.programName}`,
    FECHA_INICIO: startsOn,
    FECHA_FIN: dayOfYear(SYNTHETIC_FISCAL_YEAR, signedDay + random.int(30, 200)),
    IMPORTE_CONTRATO: formatAmount(amountCentavos(random, 4, 8)),
    MONEDA: random.percent(97) ? 'MXN' : 'USD',
    ESTATUS_CONTRATO: random.pick(['Activo', 'Expirado', 'Terminado']),
    ARCHIVADO: 'No',
    CONVENIO_MODIFICATORIO: random.percent(8) ? '1' : '0',
    RAMO: ramo,
    CLAVE_PROGRAMA: `${program.key}-${template.programName}`,
    FECHA_CELEBRACION: signedOn,
    CONTRATO_MARCO: '',
    COMPRA_CONSOLIDADA: '0',
    PLURIANUAL: '0',
    ESTRATIFICACION_MUC: 'No MIPYME',
    FOLIO_RUPC: String(100_000 + supplier),
    PROVEEDOR_CONTRATISTA: `PROVEEDOR SINTÉTICO ${supplier} SA DE CV`,
    ESTRATIFICACION_MPC: random.pick(['Micro', 'Pequeña', 'Mediana', 'No MIPYME']),
    SIGLAS_PAIS: 'MX',
    ESTATUS_EMPRESA: 'HABILITADO',
    CUENTA_ADMINISTRADA_POR: 'PoC',
    ANUNCIO: `https://compranet.example/synthetic/${code}`,
  };
  return COMPRANET_COLUMNS.map((column) => values[column] ?? '');
}

/** The same supplier for the same unit in every run and file, from the unit key alone. */
function favouriteSupplier(unitKey: string): number {
  let hash = 0;
  for (const character of unitKey) hash = (hash * 31 + character.charCodeAt(0)) % SUPPLIERS;
  return hash + 1;
}
