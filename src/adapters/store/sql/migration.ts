/** A numbered schema change of an SQL store; released entries are never edited. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
