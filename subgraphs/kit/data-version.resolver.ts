import { Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphName } from '../../common/config/subgraphs';
import type { SubgraphContext } from './context';
import { DataLoad } from './import/data-load.entity';
import { latestPerFile, loadKeyOf, loadOfSourceLoader } from './import/data-loads';
import type { ReferenceResolvers } from './references';
import { SourceRef } from './provenance';

@Directive('@shareable')
@ObjectType('SubgraphData', { description: "What one subgraph's database holds: its data version and the latest load of each file." })
export class SubgraphData {
  @Field(() => Int, {
    description:
      'Advances with every successful load, and with every write for a subgraph that takes them (participation) (0: nothing loaded yet). A cache keyed on it is never stale.',
  })
  version: number;

  @Field(() => String, { nullable: true, description: 'When the latest load was written (ISO 8601, UTC); null before the first.' })
  loadedAt: string | null;

  @Field(() => [DataLoad], { description: 'The latest load of every file the database holds rows from, by file name.' })
  files: DataLoad[];
}

@Resolver(() => SourceRef)
export class ProvenanceLoadResolver {
  @FieldResolver(() => DataLoad, {
    nullable: true,
    description: 'The latest load of the file this fact was read from (checksum, counts, times); null when no recorded load wrote it.',
  })
  load(@Root() source: SourceRef, @Ctx() ctx: SubgraphContext): Promise<DataLoad | null> {
    return loadOfSourceLoader(ctx).load(loadKeyOf(source));
  }
}

const VERSION_ID = 'current';

interface DataVersionSchema {
  resolvers: Function[];
  referenceResolvers: ReferenceResolvers;
}

/** Writes a subgraph takes from its users (participation's reports), which advance its version as loads do. */
/** How many writes were committed (a number that only grows), and when the latest was. */
export type WriteVersion = (ctx: SubgraphContext) => Promise<{ writes: number; at: string | null }>;

const built = new Map<SubgraphName, DataVersionSchema>();

/**
 * `Query.dataVersion`, which every subgraph answers alike (it is shareable), and the `DataVersion` entity, to which
 * each subgraph adds one field named after itself: one request through the gateway reads all four versions.
 * Memoised, since type-graphql keeps one global registry of decorated classes.
 */
export function dataVersionSchema(subgraph: SubgraphName, writeVersion?: WriteVersion): DataVersionSchema {
  const known = built.get(subgraph);
  if (known) return known;

  @Directive('@key(fields: "id")')
  @ObjectType('DataVersion', { description: 'The data version of each subgraph: a dashboard polls it to know when to refresh.' })
  class DataVersion {
    @Field(() => ID, { description: `Always \`${VERSION_ID}\`.` })
    id: string;
  }

  @Resolver(() => DataVersion)
  class DataVersionResolver {
    @Directive('@shareable')
    @Query(() => DataVersion, { description: 'The data version of every subgraph, and the latest load of each file.' })
    dataVersion(): DataVersion {
      return { id: VERSION_ID };
    }

    @FieldResolver(() => SubgraphData, {
      name: subgraph,
      nullable: true,
      description: `What the ${subgraph} subgraph holds; null only while it is unavailable.`,
    })
    async data(@Ctx() ctx: SubgraphContext): Promise<SubgraphData> {
      const files = await latestPerFile(ctx.dataSource.getRepository(DataLoad)).orderBy('load.file').addOrderBy('load.dataset').getMany();
      // The newest load is the latest of the files it wrote, so the version and its time follow from these records.
      const latest = files.reduce<DataLoad | null>((newest, load) => (newest === null || load.id > newest.id ? load : newest), null);
      const version = latest?.version ?? 0;
      const loadedAt = latest?.finishedAt ?? null;
      if (!writeVersion) return { version, loadedAt, files };
      // Loads and writes both only add: their sum grows with either, so a cache keyed on it misses after each.
      const writes = await writeVersion(ctx);
      const newest =
        [loadedAt, writes.at]
          .filter((at): at is string => at !== null)
          .sort()
          .pop() ?? null;
      return { version: version + writes.writes, loadedAt: newest, files };
    }
  }

  const schema = {
    resolvers: [DataVersionResolver, ProvenanceLoadResolver],
    referenceResolvers: { DataVersion: { __resolveReference: () => ({ id: VERSION_ID }) } },
  };
  built.set(subgraph, schema);
  return schema;
}
