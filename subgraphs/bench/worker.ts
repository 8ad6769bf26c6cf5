import 'reflect-metadata';
import { definition } from '../budgets/definition';
import { measure, type Method, type Subject, type Timing } from './measure';
import { openThrowawayDatabase, type Engine } from './throwaway-database';

/** One measurement, as the benchmark asks a child process for it (its own heap, so its own peak RSS). */
export interface MeasurementRequest {
  engine: Engine;
  subject: Subject;
  method: Method;
  directory: string;
  databaseUrl?: string;
}

export interface MeasurementResult extends Timing {
  /** The child's peak resident set size, MB: parsed rows included. */
  peakRssMb: number;
}

/** Runs one measurement in a throw-away database and drops it, whatever happens. */
export async function runMeasurement(request: MeasurementRequest): Promise<Timing> {
  const database = await openThrowawayDatabase(definition, request.engine, request.databaseUrl);
  try {
    return await measure(request.subject, request.method, request.directory, database.dataSource);
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
