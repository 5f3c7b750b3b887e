/** `WHERE a AND b` from the conditions that apply, or nothing. */
export function where(conditions: readonly (string | false)[]): string {
  const applied = conditions.filter((c): c is string => c !== false);
  return applied.length === 0 ? '' : `WHERE ${applied.join(' AND ')}`;
}

/** Positional parameters collected while a statement's text is assembled. */
export class Params {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder (`$1`, `$2` ...). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
