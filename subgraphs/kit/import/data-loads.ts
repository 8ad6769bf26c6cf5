import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type DataLoader from 'dataloader';
import type { EntityManager, Repository } from 'typeorm';
import type { SubgraphContext } from '../context';
import { DataLoad } from './data-load.entity';
import { SourceRef } from '../provenance';

/** One file of a load as the caller knows it; the checksum and size are read here. */
export interface LoadedFile {
  /** The path that was read. */
  absolute: string;
  /** The name items' `source.file` carries. */
  file: string;
  dataset: string | null;
  rows: number | null;
  inserted: number | null;
  updated: number | null;
  unchanged: number | null;
  rejected: number | null;
}

export interface LoadDescription {
  format: string;
  startedAt: Date;
  files: LoadedFile[];
}

function digest(file: string): { sha256: string; bytes: number } {
  const hash = crypto.createHash('sha256');
  const descriptor = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  try {
    for (let read = fs.readSync(descriptor, chunk); read > 0; read = fs.readSync(descriptor, chunk)) {
      hash.update(chunk.subarray(0, read));
      bytes += read;
    }
  } finally {
    fs.closeSync(descriptor);
  }
  return { sha256: hash.digest('hex'), bytes };
}

/**
 * Records a load inside its own transaction, one row per file, all under the next data version. On PostgreSQL the
 * table is locked first so that two imports committing at once cannot take the same version.
 */
export async function recordLoad(manager: EntityManager, load: LoadDescription): Promise<number> {
  const repository = manager.getRepository(DataLoad);
  if (manager.connection.options.type === 'postgres') {
    const { schema, tableName } = repository.metadata;
    await manager.query(`LOCK TABLE ${schema ? `"${schema}".` : ''}"${tableName}" IN SHARE ROW EXCLUSIVE MODE`);
  }
  const version = (await currentVersion(repository)) + 1;
  const finishedAt = new Date().toISOString();
  const startedAt = load.startedAt.toISOString();
  await repository.insert(
    load.files.map(({ absolute, ...counts }) => ({ ...counts, ...digest(absolute), version, format: load.format, startedAt, finishedAt })),
  );
  return version;
}

async function currentVersion(repository: Repository<DataLoad>): Promise<number> {
  const row = await repository
    .createQueryBuilder('load')
    .select('MAX(load.version)', 'version')
    .getRawOne<{ version: number | string | null }>();
  return Number(row?.version ?? 0);
}

/**
 * The start-up sample's load: the files a subgraph's sample reads, each named and given the dataset as the provenance
 * of the rows read has them (a base name, or a dataset-relative path such as `ogp-local/pal_compromisos.csv`). The
 * sample is written without comparing, so it has no counts.
 */
export function sampleLoad(startedAt: Date, files: string[], rows: Iterable<unknown[]>): LoadDescription {
  const named = namesInProvenance(rows);
  return {
    format: 'sample',
    startedAt,
    files: files.map((absolute) => {
      const file =
        [...named.keys()].filter((name) => absolute.endsWith(`${path.sep}${name}`)).sort((a, b) => b.length - a.length)[0] ??
        path.basename(absolute);
      return {
        absolute,
        file,
        dataset: named.get(file) ?? null,
        rows: null,
        inserted: null,
        updated: null,
        unchanged: null,
        rejected: null,
      };
    }),
  };
}

/** Every file that items' provenance names, with its dataset (the first item's, when items disagree), added to `named`. */
export function namesInProvenance(lists: Iterable<unknown[]>, named = new Map<string, string>()): Map<string, string> {
  for (const items of lists) {
    for (const item of items) {
      const source = (item as { source?: unknown } | null)?.source;
      if (source instanceof SourceRef && !named.has(source.file)) named.set(source.file, source.dataset);
    }
  }
  return named;
}

/** The latest record of each file: what the database holds now, file by file. */
export function latestPerFile(repository: Repository<DataLoad>) {
  return repository
    .createQueryBuilder('load')
    .where(
      `load.id IN (${repository.createQueryBuilder('latest').select('MAX(latest.id)').groupBy('latest.file').addGroupBy('latest.dataset').getQuery()})`,
    );
}

/** The loader key of an item's provenance. */
export const loadKeyOf = (source: SourceRef) => JSON.stringify([source.dataset, source.file]);

/**
 * The latest load of the file an item's provenance names, one statement per batch: a record of the same dataset, or
 * else one that names no dataset.
 */
export function loadOfSourceLoader(ctx: SubgraphContext): DataLoader<string, DataLoad | null> {
  const repository = ctx.dataSource.getRepository(DataLoad);
  return ctx.loaders.get('DataLoad.ofSource', async (keys: readonly string[]) => {
    const wanted = keys.map((key) => JSON.parse(key) as [string, string]);
    const files = [...new Set(wanted.map(([, file]) => file))];
    const rows = await latestPerFile(repository).andWhere('load.file IN (:...files)', { files }).getMany();
    const found = new Map(rows.map((row) => [JSON.stringify([row.dataset, row.file]), row]));
    return wanted.map(([dataset, file]) => found.get(JSON.stringify([dataset, file])) ?? found.get(JSON.stringify([null, file])) ?? null);
  });
}
