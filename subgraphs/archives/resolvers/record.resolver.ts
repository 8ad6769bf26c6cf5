import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { today } from '../clock';
import { ClassificationSeries } from '../entities/classification-series.entity';
import { ArchivalRecord, isDisclosed, RecordDocument, RecordPhase } from '../entities/record.entity';
import { RecordSubject } from '../entities/record-subject.entity';
import { Institution } from '../entities/federated.stubs';
import { recordById, seriesByCode, subjectsOfRecord } from '../loaders';
import { phaseOn } from '../retention';
import { RecordConnection } from './connections.types';
import { RecordFilter } from './record.input';
import { recordsQuery } from '../queries/record.query';

@Resolver(() => ArchivalRecord)
export class RecordResolver {
  @Query(() => ArchivalRecord, {
    nullable: true,
    description: 'One archival record (*expediente*) by id `<institution id>/<record code>`; null when there is none.',
  })
  record(
    @Arg('id', () => ID, { description: 'The record id, e.g. `MX-GOB-29/05C.14/0217/2018`.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    return recordById(ctx).load(id);
  }

  @Query(() => RecordConnection, { description: 'Archival records (*expedientes*), in id order, optionally filtered.' })
  records(
    @Arg('filter', () => RecordFilter, { nullable: true, description: 'Conditions the records must meet.' }) filter: RecordFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ArchivalRecord>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(recordsQuery(ctx.dataSource, filter ?? {}, today()), window);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Title (*título* or *asunto del expediente*); null for RESERVED and CONFIDENTIAL records, whose subject matter is not disclosed.',
  })
  title(@Root() record: ArchivalRecord): string | null {
    return isDisclosed(record) ? record.title : null;
  }

  @FieldResolver(() => [RecordDocument], {
    description: 'The documents filed in the record (*documentos de archivo*), in file order; empty for RESERVED and CONFIDENTIAL records.',
  })
  documents(@Root() record: ArchivalRecord): RecordDocument[] {
    return isDisclosed(record) ? record.documents : [];
  }

  @FieldResolver(() => Institution, { description: 'The institution that holds the record (*sujeto obligado*).' })
  institution(@Root() record: ArchivalRecord): Institution {
    return { id: record.institutionId };
  }

  @FieldResolver(() => ClassificationSeries, { description: 'The series the record is classified in (*serie documental*).' })
  async series(@Root() record: ArchivalRecord, @Ctx() ctx: SubgraphContext): Promise<ClassificationSeries> {
    return seriesOf(record, ctx);
  }

  @FieldResolver(() => RecordPhase, {
    description:
      "Life-cycle phase today (*ciclo vital*): ACTIVE while open or within the series' active years after closing, SEMI_ACTIVE within its semi-active years, then HISTORICAL when the series is PRESERVE or SAMPLE, DISPOSED when it is DESTROY.",
  })
  async phase(@Root() record: ArchivalRecord, @Ctx() ctx: SubgraphContext): Promise<RecordPhase> {
    const series = await seriesOf(record, ctx);
    return phaseOn(today(), record, series.finalDisposition);
  }

  @FieldResolver(() => [RecordSubject], {
    description:
      'What the record documents (*asuntos*): commitments, contracts, transactions or budget items, by id; empty for RESERVED and CONFIDENTIAL records, whose subject matter is not disclosed.',
  })
  async subjects(@Root() record: ArchivalRecord, @Ctx() ctx: SubgraphContext): Promise<RecordSubject[]> {
    return isDisclosed(record) ? subjectsOfRecord(ctx).load(record.id) : [];
  }
}

async function seriesOf(record: ArchivalRecord, ctx: SubgraphContext): Promise<ClassificationSeries> {
  const series = await seriesByCode(ctx).load(record.seriesCode);
  // The importers refuse a record whose series is not loaded, so a miss means the database was altered by hand.
  if (!series) throw new Error(`Record ${record.id} is filed in series ${record.seriesCode}, which is not loaded`);
  return series;
}
