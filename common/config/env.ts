import { z } from 'zod';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses several concerns' models from one environment and throws once with every problem of every
 * concern, so that a misconfigured deployment fails at start with the full list instead of one at a time.
 */
export function readSettings<Models extends Record<string, z.ZodType>>(
  models: Models,
  env: Env,
): { [K in keyof Models]: z.output<Models[K]> } {
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  for (const [concern, model] of Object.entries(models)) {
    const result = model.safeParse(env);
    if (result.success) settings[concern] = result.data;
    else for (const issue of result.error.issues) problems.push(`${issue.path.length ? `${issue.path.join('.')} ` : ''}${issue.message}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return settings as { [K in keyof Models]: z.output<Models[K]> };
}

/** An optional variable: blank counts as unset, and a bad value is reported with what was given. */
function variable<T>(fallback: T, read: (value: string) => { value: T } | { problem: string }) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T => {
      const value = raw?.trim();
      if (!value) return fallback;
      const result = read(value);
      if ('value' in result) return result.value;
      ctx.addIssue({ code: 'custom', message: `${result.problem} (got "${value}")` });
      return z.NEVER;
    });
}

export function wholeNumber(fallback: number, min: number, max: number) {
  return variable<number>(fallback, (value) => {
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed >= min && parsed <= max
      ? { value: parsed }
      : { problem: `must be a whole number from ${min} to ${max}` };
  });
}

export function flag(fallback: boolean) {
  return variable<boolean>(fallback, (value) => {
    const lower = value.toLowerCase();
    if (['1', 'true', 'yes'].includes(lower)) return { value: true };
    if (['0', 'false', 'no'].includes(lower)) return { value: false };
    return { problem: 'must be true or false' };
  });
}

export function oneOf<const T extends string>(allowed: readonly T[], fallback: T) {
  return variable<T>(fallback, (value) =>
    (allowed as readonly string[]).includes(value) ? { value: value as T } : { problem: `must be one of ${allowed.join(', ')}` },
  );
}

export function text(fallback: string, pattern: RegExp, explanation: string) {
  return variable<string>(fallback, (value) => (pattern.test(value) ? { value } : { problem: `must be ${explanation}` }));
}

export function optionalUrl(protocols: RegExp, explanation: string) {
  return variable<string | undefined>(undefined, (value) => (protocols.test(value) ? { value } : { problem: `must be ${explanation}` }));
}
