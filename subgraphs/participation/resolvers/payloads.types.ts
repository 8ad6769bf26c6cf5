import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../kit/connection';
import { AuditEntry } from '../entities/audit-entry.entity';
import { ProgressUpdate } from '../entities/progress-update.entity';
import { Report } from '../entities/report.entity';

@ObjectType({ description: 'The report a mutation created or changed.' })
export class ReportPayload {
  @Field(() => Report, { description: 'The report as it is now.' })
  report: Report;
}

@ObjectType({ description: 'The flagged report; null once it is hidden pending moderation.' })
export class FlagPayload {
  @Field(() => Report, { nullable: true, description: 'The report; null once the flags hid it.' })
  report: Report | null;
}

@ObjectType({ description: 'The progress update a mutation created or confirmed.' })
export class ProgressPayload {
  @Field(() => ProgressUpdate, { description: 'The update as it is now.' })
  progress: ProgressUpdate;
}

export const ReportConnection = ConnectionType(Report, 'Report', 'report');
export const ProgressUpdateConnection = ConnectionType(ProgressUpdate, 'ProgressUpdate', 'progress update');
export const AuditEntryConnection = ConnectionType(AuditEntry, 'AuditEntry', 'audit-log entry');
