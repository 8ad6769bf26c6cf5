import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { AccountDimension } from '../queries/public-account-cells.query';

registerEnumType(AccountDimension, {
  name: 'PublicAccountDimension',
  description: 'What program accounts of the *Cuenta Pública* can be grouped by.',
  valuesConfig: {
    FISCAL_YEAR: { description: 'Fiscal year (*ciclo*).' },
    RAMO: { description: 'Ramo (*ramo*) as the account publishes it.' },
    PROGRAM: { description: 'Program key (*clave del programa presupuestario*), e.g. `33I005`.' },
  },
});

@InputType({ description: 'Which program accounts to sum; all given criteria must hold.' })
export class PublicAccountFilter {
  @Field(() => [Int], { nullable: true, description: 'Fiscal years (*ciclos*).' })
  fiscalYears?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'Ramos (*ramos*) by code, e.g. `33`.' })
  ramos?: string[] | null;
}
