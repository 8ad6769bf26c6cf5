import type { ValueTransformer } from 'typeorm';
import type { CommitmentTheme } from './commitment.enums';

/** Free-text labels as published, stored as a JSON array; null (rows written before the column existed) reads as none. */
export const labelsColumn: ValueTransformer = {
  to: (labels: string[] | undefined) => labels,
  from: (raw: unknown) => (Array.isArray(raw) ? raw : []),
};

/** simple-json keeps plain objects; reading them back as class instances gives them their `source` getter. */
export function instancesOf<T extends object>(type: new () => T): ValueTransformer {
  return {
    to: (items: T[] | undefined) => items?.map((item) => ({ ...item })),
    from: (raw: unknown) => (Array.isArray(raw) ? raw.map((item: object) => Object.assign(new type(), item)) : []),
  };
}

/**
 * Themes are stored as `|A|B|` so that "has theme X" is a plain `LIKE '%|X|%'` on SQLite and PostgreSQL
 * alike, without a join table.
 */
export const themesColumn: ValueTransformer = {
  to: (themes: CommitmentTheme[] | undefined) => (themes === undefined ? undefined : themes.length ? `|${themes.join('|')}|` : ''),
  from: (raw: unknown) => (typeof raw === 'string' ? (raw.split('|').filter(Boolean) as CommitmentTheme[]) : []),
};
