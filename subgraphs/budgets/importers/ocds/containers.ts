import type { ImportProblem } from '../../../kit/import/problems';
import { asArray, asObject, asText, isObject, readJson, type JsonObject } from '../../../kit/import/json';
import type { SourcedRelease } from './merge';
import { readText } from '../../../kit/import/text-file';

/** What one OCDS file holds, whatever its container: releases to merge and records' compiled releases. */
export interface OcdsDocument {
  releases: SourcedRelease[];
  compiled: SourcedRelease[];
  /** The package's or record's `publisher.name`, when it states one. */
  publisher: string | null;
}

const SHAPES =
  'a release package (`releases`), a record package (`records`), a record (`compiledRelease` or `releases`) or a release (`ocid`)';

/**
 * The releases of a release package, record package, single record or single release. A record's compiledRelease is
 * taken as it is; a record without one contributes its embedded releases. Problems name the file and JSON path.
 */
export function readOcdsDocument(document: unknown, file: string, problems: ImportProblem[]): OcdsDocument {
  const result: OcdsDocument = { releases: [], compiled: [], publisher: null };
  const root = asObject(document);
  if (!root) {
    problems.push({ file, path: '$', reason: `is not an OCDS file: expected a JSON object, ${SHAPES}` });
    return result;
  }
  result.publisher = asText(asObject(root.publisher)?.name);
  const release = (value: unknown, path: string, into: SourcedRelease[]) => {
    const found = checkedRelease(value, file, path, problems);
    if (found) into.push({ release: found, file, path });
  };
  const list = (field: 'records' | 'releases'): unknown[] => {
    const items = root[field];
    if (!Array.isArray(items) || items.length === 0) {
      problems.push({
        file,
        path: `$.${field}`,
        field,
        reason: `must be a non-empty array in ${field === 'records' ? 'a record' : 'a release'} package`,
      });
      return [];
    }
    return items;
  };

  if (root.records !== undefined) {
    for (const [i, record] of list('records').entries()) readRecord(record, `$.records[${i}]`);
  } else if (
    root.compiledRelease !== undefined ||
    root.versionedRelease !== undefined ||
    (root.releases !== undefined && typeof root.ocid === 'string')
  ) {
    readRecord(root, '$');
  } else if (root.releases !== undefined) {
    for (const [i, item] of list('releases').entries()) release(item, `$.releases[${i}]`, result.releases);
  } else if (root.ocid !== undefined) {
    release(root, '$', result.releases);
  } else {
    problems.push({ file, path: '$', reason: `is not an OCDS file: expected ${SHAPES}` });
  }
  return result;

  function readRecord(value: unknown, path: string): void {
    const record = asObject(value);
    if (!record) {
      problems.push({ file, path, reason: 'is not an OCDS record (an object with `compiledRelease` or `releases`)' });
      return;
    }
    if (record.compiledRelease !== undefined) {
      release(record.compiledRelease, `${path}.compiledRelease`, result.compiled);
      return;
    }
    // Linked releases (url, date and tag only) carry no data: their release files are imported instead.
    const embedded = asArray(record.releases)
      .map((item, j) => ({ item, j }))
      .filter(({ item }) => isObject(item) && item.ocid !== undefined);
    if (embedded.length === 0) {
      problems.push({
        file,
        path,
        field: 'compiledRelease',
        reason: 'the record has no compiledRelease and no embedded releases (only links to them): import the release files',
      });
    }
    for (const { item, j } of embedded) release(item, `${path}.releases[${j}]`, result.releases);
  }
}

function checkedRelease(value: unknown, file: string, path: string, problems: ImportProblem[]): JsonObject | null {
  const release = asObject(value);
  if (!release) {
    problems.push({ file, path, reason: 'is not an OCDS release (an object with an `ocid`)' });
    return null;
  }
  if (typeof release.ocid !== 'string' || release.ocid.trim() === '') {
    problems.push({
      file,
      path: `${path}.ocid`,
      field: 'ocid',
      value: release.ocid === undefined ? undefined : String(release.ocid),
      reason: 'is required: a release names its contracting process',
    });
    return null;
  }
  if (release.contracts !== undefined && release.contracts !== null && !Array.isArray(release.contracts)) {
    problems.push({ file, path: `${path}.contracts`, field: 'contracts', reason: 'must be an array' });
    return null;
  }
  return release;
}

/**
 * The contracts a file holds, over every container shape (what the report counts as a file's items). Counting needs no
 * exact amount, so the engine's JSON.parse reads the file, several times faster than the lossless reader and with a
 * lighter tree; a file it cannot read goes through the lossless reader, which tells whether it can be counted at all.
 */
export function countOcdsContracts(file: string): number | null {
  const problems: ImportProblem[] = [];
  let document: unknown;
  try {
    document = JSON.parse(readText(file).text);
  } catch {
    document = readJson(file, file, problems);
  }
  if (problems.length > 0) return null;
  const read = readOcdsDocument(document, file, problems);
  return [...read.releases, ...read.compiled].reduce((sum, entry) => sum + asArray(entry.release.contracts).length, 0);
}

/**
 * The JSON path of the contract a problem's path lies in: `$.contracts[0]`, `$.releases[2].contracts[0]`,
 * `$.records[0].compiledRelease.contracts[1]`, `$.compiledRelease.contracts[0]`.
 */
export const OCDS_CONTRACT_PATH = /^\$(?:\.(?:releases|records)\[\d+\])?(?:\.compiledRelease|\.releases\[\d+\])?\.contracts\[\d+\]/;
