import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { upsertAll } from '../../kit/import/bulk-write';
import { type ImportProblem } from '../../kit/import/problems';
import { readMoney, type Money } from '../../kit/money';
import { sourceAt } from '../../kit/provenance';
import { stateByName } from '../../kit/states';
import { GuarantorYear } from '../entities/guarantor-year.entity';
import { GovernmentOrder, Institution, InstitutionKind } from '../entities/institution.entity';
import { guarantorId } from '../../kit/ids';
import { newInstitution, type Parsed } from './shared/institution-fields';
import { isObject, numberText, readJson, type JsonObject } from '../../kit/import/json';

const GUARANTOR_DATASET = 'inai-organos-garantes';

/** "sd" (*sin dato*) is how the source marks a missing figure, like null. */
const NO_DATA = 'sd';
const REQUESTS = 'solicitudes_';
const APPEALS = 'recurso_';
const BUDGET = 'presupuesto_';

export interface ParsedGuarantorBodies extends Parsed {
  bodies: Institution[];
  years: GuarantorYear[];
}

/** The source gives bare host names ("www.itei.org.mx"); a link needs a scheme. */
export function normaliseWebsite(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    return new URL(withScheme).toString();
  } catch {
    return null;
  }
}

class Reader {
  constructor(
    private readonly file: string,
    private readonly where: string,
    private readonly item: JsonObject,
    private readonly problems: ImportProblem[],
  ) {}

  private problem(field: string, reason: string): void {
    this.problems.push({
      file: this.file,
      path: `${this.where}.${field}`,
      field,
      value: numberText(this.item[field]) ?? JSON.stringify(this.item[field]),
      reason,
    });
  }

  text(field: string): string {
    const value = this.item[field];
    if (typeof value !== 'string' || value.trim() === '') {
      this.problem(field, 'is required (a text)');
      return '';
    }
    return value.trim();
  }

  optionalText(field: string): string | null {
    const value = this.item[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.problem(field, 'is not a text');
      return null;
    }
    return value.trim() || null;
  }

  private missing(value: unknown | undefined): boolean {
    return value === undefined || value === null || (typeof value === 'string' && value.trim().toLowerCase() === NO_DATA);
  }

  count(field: string): number | null {
    const value = this.item[field];
    if (this.missing(value)) return null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      this.problem(field, 'is not a whole number of cases (or null / "sd")');
      return null;
    }
    return value;
  }

  /** Pesos as a JSON number, read from its exact decimal text: up to four decimals, never negative. */
  money(field: string): Money | null {
    const value = this.item[field];
    if (this.missing(value)) return null;
    const text = numberText(value);
    const amount = text === null ? 'is not an amount of pesos (a JSON number, or null / "sd")' : readMoney(text);
    if (typeof amount === 'string' || amount < 0n) {
      this.problem(field, typeof amount === 'string' ? amount : 'is negative: a budget is an amount of pesos (or null / "sd")');
      return null;
    }
    return amount;
  }
}

/** Years any per-year figure of the record covers (*solicitudes_2008*, *presupuesto_2016*…). */
function yearsOf(item: JsonObject): number[] {
  const years = new Set<number>();
  for (const key of Object.keys(item)) {
    const match = /^(?:solicitudes|recurso|presupuesto)_(\d{4})$/.exec(key);
    if (match) years.add(Number(match[1]));
  }
  return [...years].sort((a, b) => a - b);
}

/** inai-data.json: an array with one record per state transparency body (*órgano garante*). */
export function parseGuarantorBodies(file: string, displayName = path.basename(file)): ParsedGuarantorBodies {
  const problems: ImportProblem[] = [];
  const bodies: Institution[] = [];
  const years: GuarantorYear[] = [];
  const seen = new Map<string, string>();
  const data = readJson(file, displayName, problems);
  if (data === undefined) return { bodies, years, problems };
  if (!Array.isArray(data)) {
    problems.push({ file: displayName, path: '$', reason: 'must be an array of transparency bodies' });
    return { bodies, years, problems };
  }
  data.forEach((item, i) => {
    const where = `$[${i}]`;
    if (!isObject(item)) {
      problems.push({ file: displayName, path: where, reason: 'must be an object' });
      return;
    }
    const read = new Reader(displayName, where, item, problems);
    const stateName = read.text('entidad');
    const state = stateName ? stateByName(stateName) : undefined;
    if (stateName && !state) {
      problems.push({
        file: displayName,
        path: `${where}.entidad`,
        field: 'entidad',
        value: stateName,
        reason: 'is not the name of a Mexican state',
      });
    }
    const name = read.text('organo_nombre');
    const acronym = read.optionalText('organo_siglas');
    const url = read.optionalText('organo_url');
    const website = url === null ? null : normaliseWebsite(url);
    if (url !== null && website === null) {
      problems.push({ file: displayName, path: `${where}.organo_url`, field: 'organo_url', value: url, reason: 'is not a web address' });
    }
    const figures = yearsOf(item).map((year) => ({
      year,
      informationRequests: read.count(`${REQUESTS}${year}`),
      appeals: read.count(`${APPEALS}${year}`),
      budget: read.money(`${BUDGET}${year}`),
    }));
    if (!state) return;
    if (seen.has(state.id)) {
      problems.push({
        file: displayName,
        path: `${where}.entidad`,
        field: 'entidad',
        value: stateName,
        reason: `names the same state as ${seen.get(state.id)}`,
      });
      return;
    }
    seen.set(state.id, where);
    const source = sourceAt(GUARANTOR_DATASET, displayName, { path: where });
    const body = newInstitution({
      id: guarantorId(state.id),
      name,
      acronym: acronym?.toUpperCase() ?? null,
      kind: InstitutionKind.AUTONOMOUS,
      order: GovernmentOrder.STATE,
      stateId: state.id,
      website,
      source,
    });
    bodies.push(body);
    for (const figure of figures) {
      const row = new GuarantorYear();
      Object.assign(row, figure);
      row.id = `${body.id}:${figure.year}`;
      row.institutionId = body.id;
      row.source = source;
      years.push(row);
    }
  });
  return { bodies, years, problems };
}

export async function writeGuarantorBodies(manager: EntityManager, parsed: ParsedGuarantorBodies): Promise<void> {
  await upsertAll(manager, Institution, parsed.bodies);
  await upsertAll(manager, GuarantorYear, parsed.years);
}
