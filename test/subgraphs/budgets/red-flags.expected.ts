import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DATA } from './expected';

/**
 * The red flags computed straight from the published files, independently of the importers: CompraNet read line by
 * line with csv-parse (no record of these files spans lines), OCDS read with JSON.parse and merged per ocid by taking
 * each field from the latest release that states it.
 */
export const COMPRANET = path.join(DATA, 'compranet');

export type CompraNetRow = Record<string, string> & { id: string };

/** The 2018 file's own header names the columns; the 2017 file has the same 45 in the same order and no header. */
export function compraNetRows(year: 2017 | 2018, folder = COMPRANET): CompraNetRow[] {
  const header = (parse(fs.readFileSync(path.join(COMPRANET, '2018.sample.csv'), 'utf8').split('\n')[0]) as string[][])[0];
  const lines = fs.readFileSync(path.join(folder, `${year}.sample.csv`), 'utf8').split('\n');
  return lines.flatMap((text) => {
    if (text === '' || text.startsWith('GOBIERNO,')) return [];
    try {
      const [fields] = parse(text) as string[][];
      if (fields.length !== 45) return [];
      const row = Object.fromEntries(header.map((name, i) => [name, fields[i].trim()])) as CompraNetRow;
      row.id = `compranet-${year}/${row.CODIGO_CONTRATO}`;
      return [row];
    } catch {
      return [];
    }
  });
}

const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export const kindOf = (row: CompraNetRow) => {
  const type = plain(row.TIPO_PROCEDIMIENTO);
  if (type.startsWith('adjudicacion directa')) return 'direct';
  if (type.startsWith('licitacion publica')) return 'open';
  if (type.startsWith('invitacion a cuando menos')) return 'limited';
  return null;
};

const days = (from: string, to: string) => (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000;

/** Raised and checked (coverage) counts of the per-row flags, with the law's default minimums (20, 15, 5 days). */
export function compraNetExpectations(rows: CompraNetRow[]) {
  const count = (test: (row: CompraNetRow) => boolean) => rows.filter(test).length;
  const bothDates = (row: CompraNetRow) => row.FECHA_INICIO !== '' && row.FECHA_CELEBRACION !== '';
  const shortMinimum = (row: CompraNetRow): number | null => {
    const kind = kindOf(row);
    if (kind === 'limited') return 5;
    if (kind !== 'open') return null;
    if (row.CARACTER === 'Nacional') return 15;
    if (row.CARACTER.startsWith('Internacional')) return 20;
    const period = days(row.PROC_F_PUBLICACION, row.FECHA_APERTURA_PROPOSICIONES);
    return period < 15 ? 15 : period >= 20 ? 20 : null;
  };
  const shortChecked = (row: CompraNetRow) =>
    row.PROC_F_PUBLICACION !== '' && row.FECHA_APERTURA_PROPOSICIONES !== '' && shortMinimum(row) !== null;
  return {
    STARTED_BEFORE_SIGNED: {
      checked: count(bothDates),
      raised: count((row) => bothDates(row) && row.FECHA_INICIO < row.FECHA_CELEBRACION),
    },
    AMENDED: {
      checked: count((row) => row.CONVENIO_MODIFICATORIO === '0' || row.CONVENIO_MODIFICATORIO === '1'),
      raised: count((row) => row.CONVENIO_MODIFICATORIO === '1'),
    },
    SHORT_SUBMISSION_PERIOD: {
      checked: count(shortChecked),
      raised: count((row) => shortChecked(row) && days(row.PROC_F_PUBLICACION, row.FECHA_APERTURA_PROPOSICIONES) < shortMinimum(row)!),
    },
    // CompraNet publishes no count of bids.
    SINGLE_BIDDER: { checked: 0, raised: 0 },
    REPEATED_DIRECT_AWARD: repeatedDirectAwards(rows),
    LATE_PUBLICATION: { checked: 0, raised: 0 },
  };
}

/** Direct awards of one buying unit (CLAVEUC) to one supplier (FOLIO_RUPC, else its name) dated 30 days apart or less. */
function repeatedDirectAwards(rows: CompraNetRow[]) {
  const direct = rows
    .filter((row) => kindOf(row) === 'direct' && row.CLAVEUC !== '' && (row.FOLIO_RUPC || row.PROVEEDOR_CONTRATISTA))
    .map((row) => ({ row, day: row.FECHA_CELEBRACION || row.FECHA_INICIO }))
    .filter(({ day }) => day !== '');
  const key = ({ row }: { row: CompraNetRow }) => `${row.CLAVEUC}|${row.FOLIO_RUPC || row.PROVEEDOR_CONTRATISTA}`;
  const raised = direct.filter((one) =>
    direct.some((other) => other !== one && key(other) === key(one) && Math.abs(days(one.day, other.day)) <= 30),
  );
  return { checked: direct.length, raised: raised.length, raisedIds: raised.map(({ row }) => row.id) };
}

type Json = Record<string, any>;

/** Every release of every file (release packages, record packages with or without compiledRelease, bare releases). */
function releasesOf(file: string): Json[] {
  const document = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  if (Array.isArray(document.records)) return document.records.flatMap((record: Json) => record.compiledRelease ?? record.releases ?? []);
  if (Array.isArray(document.releases)) return document.releases;
  return [document];
}

/**
 * Contracts of open or selective processes whose latest stated numberOfTenderers (else count of tenderers) is 1,
 * and of all open or selective processes that state either.
 */
export function ocdsSingleBidders(files: string[]) {
  const processes = new Map<string, Json[]>();
  for (const file of files) {
    for (const release of releasesOf(file)) processes.set(release.ocid.trim(), [...(processes.get(release.ocid.trim()) ?? []), release]);
  }
  let raised = 0;
  let checked = 0;
  for (const releases of processes.values()) {
    releases.sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? '')));
    const latest = (read: (release: Json) => unknown) =>
      releases
        .map(read)
        .filter((value) => value !== undefined && value !== null)
        .pop();
    const method = latest((release) => release.tender?.procurementMethod);
    const stated = latest((release) => release.tender?.numberOfTenderers ?? release.tender?.tenderers?.length) as number | undefined;
    const contracts = new Set(releases.flatMap((release) => (release.contracts ?? []).map((c: Json, i: number) => String(c.id ?? i))));
    if ((method !== 'open' && method !== 'selective') || stated === undefined) continue;
    checked += contracts.size;
    if (stated === 1) raised += contracts.size;
  }
  return { raised, checked };
}
