import type { SubgraphDefinition } from '../kit/start-subgraph';
import { localKeys } from './auth/local-keys';
import { AuditEntry } from './entities/audit-entry.entity';
import { IdempotentWrite } from './entities/idempotent-write.entity';
import { ProgrammeFigureRow } from './entities/programme-figure.entity';
import { ProgressUpdate } from './entities/progress-update.entity';
import { ReportAnswer } from './entities/report-answer.entity';
import { ReportFlag } from './entities/report-flag.entity';
import { Report } from './entities/report.entity';
import { isEmpty, loadSample } from './sample';
import { buildSchema } from './schema';

export const definition: SubgraphDefinition = {
  name: 'participation',
  entities: [Report, ReportAnswer, ReportFlag, ProgressUpdate, AuditEntry, IdempotentWrite, ProgrammeFigureRow],
  search: [],
  buildSchema,
  loadSample,
  isEmpty,
  // The local key pair exists from the first start, so `npm run token` and the subgraph agree on it.
  prepare: async (config) => {
    await localKeys(config.participation.keyDirectory);
  },
  http: (config) => ({ ...config.http, trustProxy: config.participation.trustProxy }),
};
