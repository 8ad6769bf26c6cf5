import fs from 'node:fs';
import path from 'node:path';
import { Field, Int, ObjectType, Directive } from 'type-graphql';
import { Column } from 'typeorm';
import { repositoryRoot } from '../../common/paths';

interface DatasetEntry {
  title: string;
  publisher: string;
  licence: string;
  retrievedOn: string;
  upstream: string;
  note?: string;
  illustrative?: boolean;
}

let catalogue: Record<string, DatasetEntry> | undefined;

/** data/datasets.json: one entry per dataset the project ships or derives, as documented in data/SOURCES.md. */
export function datasetCatalogue(): Record<string, DatasetEntry> {
  if (!catalogue) {
    const file = path.join(repositoryRoot, 'data', 'datasets.json');
    if (!fs.existsSync(file)) throw new Error('data/datasets.json is missing: provenance cannot be resolved');
    catalogue = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, DatasetEntry>;
  }
  return catalogue;
}

function entry(dataset: string): DatasetEntry | undefined {
  return datasetCatalogue()[dataset];
}

/**
 * Where a fact came from. Entities embed it as four columns (dataset, file, row or JSON path); the
 * publisher, licence and retrieval date come from the dataset catalogue so they are stated once.
 */
@Directive('@shareable')
@ObjectType('Provenance', {
  description: 'Where a fact came from (*procedencia*): dataset, file, row or JSON path, publisher and licence.',
})
export class SourceRef {
  @Field({ description: 'Identifier of the dataset in data/datasets.json, e.g. `shcp-pef-2018-sample`.' })
  @Column({ type: 'varchar' })
  dataset: string;

  @Field({ description: 'The file the fact was read from, relative to the dataset.' })
  @Column({ type: 'varchar' })
  file: string;

  @Field(() => Int, { nullable: true, description: 'Line of the file (1 = the first line, a header if there is one), for CSV sources.' })
  @Column({ type: 'integer', nullable: true })
  row: number | null;

  @Field(() => String, { nullable: true, description: 'JSON path inside the file, for JSON sources, e.g. `$.contracts[0]`.' })
  @Column({ type: 'varchar', nullable: true })
  path: string | null;

  @Field({ description: 'Human-readable name of the dataset.' })
  get title(): string {
    return entry(this.dataset)?.title ?? this.dataset;
  }

  @Field({ description: 'Who published the data (*sujeto obligado* or project).' })
  get publisher(): string {
    return entry(this.dataset)?.publisher ?? 'unknown';
  }

  @Field({ description: 'The licence the data is published under.' })
  get licence(): string {
    return entry(this.dataset)?.licence ?? 'unknown';
  }

  @Field(() => String, { nullable: true, description: 'When the upstream copy was taken (ISO date).' })
  get retrievedOn(): string | null {
    return entry(this.dataset)?.retrievedOn ?? null;
  }

  @Field(() => String, { nullable: true, description: 'Upstream location (repository @ commit : path or URL).' })
  get upstream(): string | null {
    return entry(this.dataset)?.upstream ?? null;
  }

  @Field(() => String, { nullable: true, description: 'Caveats, e.g. that a file is a 1 % random sample.' })
  get note(): string | null {
    return entry(this.dataset)?.note ?? null;
  }

  @Field({ description: 'True for the ILLUSTRATIVE layer: links no public file states, shipped to show how the pieces join.' })
  get illustrative(): boolean {
    return entry(this.dataset)?.illustrative ?? false;
  }
}

export function sourceAt(dataset: string, file: string, location: { row?: number; path?: string }): SourceRef {
  const ref = new SourceRef();
  ref.dataset = dataset;
  ref.file = file;
  ref.row = location.row ?? null;
  ref.path = location.path ?? null;
  return ref;
}
