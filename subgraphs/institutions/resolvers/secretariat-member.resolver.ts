import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Institution } from '../entities/institution.entity';
import { SecretariatMember } from '../entities/technical-secretariat.entity';
import { institutionById } from '../loaders';

@Resolver(() => SecretariatMember)
export class SecretariatMemberResolver {
  @FieldResolver(() => String, {
    description: "Who holds the seat (*integrante*): the institution's name, or a description when the source names no one.",
  })
  async name(@Root() member: SecretariatMember, @Ctx() ctx: SubgraphContext): Promise<string> {
    const institution = member.institutionId ? await institutionById(ctx).load(member.institutionId) : null;
    return institution?.name ?? member.label;
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description: 'The institution holding the seat; null for civil society, whose members the source does not name.',
  })
  institution(@Root() member: SecretariatMember, @Ctx() ctx: SubgraphContext): Promise<Institution | null> | null {
    return member.institutionId ? institutionById(ctx).load(member.institutionId) : null;
  }
}
