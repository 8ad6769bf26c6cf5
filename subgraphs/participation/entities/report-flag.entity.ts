import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FlagReason } from './participation.enums';

/**
 * One client's flag on a report. The client is kept only as a keyed hash of its address (one flag per client, no
 * address stored).
 */
@Entity('report_flag')
@Unique(['reportKey', 'client'])
export class ReportFlag {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  reportKey: number;

  @Column({ type: 'varchar' })
  client: string;

  @Column({ type: 'varchar' })
  reason: FlagReason;

  @Column({ type: 'varchar' })
  at: string;
}
