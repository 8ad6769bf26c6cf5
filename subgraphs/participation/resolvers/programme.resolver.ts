import { Ctx, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { ProgrammeFigure, ProgrammeFigureRow, ProgrammeMeasure } from '../entities/programme-figure.entity';
import { stateRef } from '../entities/federated.stubs';

const ORDER = Object.values(ProgrammeMeasure);

@Resolver()
export class ProgrammeResolver {
  @Query(() => [ProgrammeFigure], {
    description:
      "The programme's own figures (*Cocreación desde lo Local*): its 2015 and 2016 cohorts and what it reported in 2017, as reported. " +
      "What the loaded data holds is elsewhere in the graph (`actionPlans`, `technicalSecretariats`, a plan's `commitments`): show both, never one for the other.",
  })
  async programmeFigures(@Ctx() ctx: SubgraphContext): Promise<ProgrammeFigure[]> {
    const rows = await ctx.dataSource.getRepository(ProgrammeFigureRow).find({ order: { source: { row: 'ASC' } } });
    const byMeasure = new Map<ProgrammeMeasure, ProgrammeFigure>();
    for (const row of rows) {
      let figure = byMeasure.get(row.measure);
      if (!figure) {
        figure = { measure: row.measure, asOf: row.asOf, reportedCount: null, states: [], said: row.said, sources: [] };
        byMeasure.set(row.measure, figure);
      }
      if (row.reportedCount !== null) {
        figure.reportedCount = row.reportedCount;
        figure.said = row.said;
      }
      if (row.stateId !== null) figure.states.push(stateRef(row.stateId));
      figure.sources.push(row.source);
    }
    return [...byMeasure.values()].sort((a, b) => ORDER.indexOf(a.measure) - ORDER.indexOf(b.measure));
  }
}
