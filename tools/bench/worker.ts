import 'reflect-metadata';
import { SUBGRAPHS } from '../subgraphs';
import { formatNamed } from '../import/formats';
import { measure, type LoadRequest, type Method, type Timing } from './measure';
import { openThrowawayDatabase, type Engine } from './throwaway-database';

/** One measurement, as the benchmark asks a child process for it (its own heap, so its own peak RSS). */
export interface MeasurementRequest extends LoadRequest {
  engine: Engine;
  method: Method;
  databaseUrl?: string;
}

export interface MeasurementResult extends Timing {
  /** The child's peak resident set size, MB: parsed rows included. */
  peakRssMb: number;
}

/** Runs one measurement in a throw-away database of the format's subgraph and drops it, whatever happens. */
export async function runMeasurement(request: MeasurementRequest): Promise<Timing> {
  const format = formatNamed(request.format);
  if (!format) throw new Error(`unknown format ${request.format}`);
  const database = await openThrowawayDatabase(SUBGRAPHS[format.subgraph], request.engine, request.databaseUrl);
  try {
    return await measure(request, request.method, database.dataSource);
  } finally {
    await database.drop();
  }
}

async function main(): Promise<void> {
  const request = JSON.parse(process.argv[2] ?? '') as MeasurementRequest;
  const timing = await runMeasurement(request);
  const result: MeasurementResult = { ...timing, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
