import type { SubgraphContext } from '../../kit/context';
import { SpendingChain } from '../entities/spending-chain';
import { deflatorFor } from '../queries/real-pesos.query';
import { MOMENTS } from '../queries/spending-chain.query';

/** A chain of one fiscal year carried into pesos of `inPesosOf` (or returned as is when none is asked for). */
export async function inPesosOf(
  ctx: SubgraphContext,
  chain: SpendingChain,
  fiscalYear: number,
  base: number | null | undefined,
): Promise<SpendingChain> {
  if (base == null) return chain;
  const deflator = await deflatorFor(ctx, base, [fiscalYear]);
  const real = SpendingChain.of(
    Object.fromEntries(
      MOMENTS.map((moment) => {
        const amount = chain[moment];
        return [moment, amount === null ? null : deflator.real(amount, fiscalYear).toCentavo()];
      }),
    ) as unknown as Parameters<typeof SpendingChain.of>[0],
    chain.lineCount,
    chain.sampleLines,
    chain.scopeFlags,
  );
  real.inPesosOf = base;
  return real;
}
