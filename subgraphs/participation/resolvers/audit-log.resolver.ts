import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { pageWindow, paginate } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { requireModerator } from '../auth/request-identity';
import { AuditEntry } from '../entities/audit-entry.entity';
import { AuditEntryConnection } from './payloads.types';

@Resolver()
export class AuditLogResolver {
  @Query(() => AuditEntryConnection, {
    description:
      'The participation audit log (*bitácora*), oldest first, hash-chained: moderators and admins. `npm run audit:verify` checks the chain.',
  })
  async auditLog(
    @Arg('first', () => Int, { nullable: true, description: 'How many entries (default 20, at most the server maximum).' }) first:
      | number
      | null,
    @Arg('after', () => String, { nullable: true, description: 'Entries after this cursor.' }) after: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    await requireModerator(ctx, 'read the audit log');
    const window = pageWindow({ first, after }, ctx.config.maxPageSize);
    return paginate(ctx.dataSource.getRepository(AuditEntry).createQueryBuilder('entry'), window, 'sequence');
  }
}
