import { Between, LessThanOrEqual, MoreThanOrEqual, type FindOperator } from 'typeorm';

/** The find condition of an optional, inclusive range; undefined when neither end is given. */
export function range<T>(from: T | null | undefined, to: T | null | undefined): FindOperator<T> | undefined {
  if (from != null && to != null) return Between(from, to);
  if (from != null) return MoreThanOrEqual(from);
  if (to != null) return LessThanOrEqual(to);
  return undefined;
}
