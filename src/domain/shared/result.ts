/** Expected failures travel as values: every error has a stable code and a human message. */
export interface Failure<C extends string = string> {
  readonly code: C;
  readonly message: string;
  readonly detail?: unknown;
}

export type Result<T, C extends string = string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: Failure<C> };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

export const err = <C extends string>(code: C, message: string, detail?: unknown): { readonly ok: false; readonly error: Failure<C> } =>
  ({ ok: false, error: detail === undefined ? { code, message } : { code, message, detail } });
