import fs from 'node:fs';
import path from 'node:path';
import type { SourceRef } from '../provenance';

/** The sidecar a generator of test data writes at the root of its output, beside the folders of files it generated. */
export const GENERATED_MANIFEST = 'manifest.json';

/**
 * What the importers read of that sidecar: the dataset every generated file belongs to, whatever its content says (a
 * generated budget file's `ciclo` would make it `shcp-pef-2099`, a generated OCDS release would be INAI's), and the
 * folders, relative to the manifest, that hold the generated files (all of a folder's files, or only those listed).
 */
export interface GeneratedFiles {
  dataset: string;
  generated: { directory: string; files?: string[] }[];
}

/** The dataset of a generated file (one in a folder its parent folder's manifest lists), or null for any other file. */
export function generatedDataset(file: string): string | null {
  const folder = path.dirname(file);
  let manifest: Partial<GeneratedFiles>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(folder), GENERATED_MANIFEST), 'utf8')) as Partial<GeneratedFiles>;
  } catch {
    return null;
  }
  if (typeof manifest.dataset !== 'string' || !Array.isArray(manifest.generated)) return null;
  const part = manifest.generated.find((entry) => entry.directory === path.basename(folder));
  if (!part || (part.files && !part.files.includes(path.basename(file)))) return null;
  return manifest.dataset;
}

/**
 * Gives rows read from generated files their manifest's dataset, for importers that name the dataset themselves (by
 * publisher, or `illustrative`): generated rows must never be attributed to a real publisher.
 */
export function relabel(rows: { source: SourceRef }[], dataset: string): void {
  for (const row of rows) row.source.dataset = dataset;
}
