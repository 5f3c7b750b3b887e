/**
 * Numbered migrations, applied in order and never edited once released: a change to the schema is
 * a new entry. Domain objects live in JSON `body` columns; the other columns exist for queries.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'incidents, seeds, decisions, keyword rules',
    sql: `
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        country TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incidents_updated_at ON incidents (updated_at);
      CREATE INDEX incidents_country_updated_at ON incidents (country, updated_at);

      CREATE TABLE incident_keys (
        key TEXT NOT NULL,
        incident_id TEXT NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        PRIMARY KEY (key, incident_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX incident_keys_incident ON incident_keys (incident_id);

      CREATE TABLE seeds (
        name TEXT PRIMARY KEY,
        sha256 TEXT NOT NULL,
        loaded_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE decisions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        document_id TEXT NOT NULL,
        url TEXT,
        at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decisions_document ON decisions (document_id, at);
      CREATE INDEX decisions_url ON decisions (url, at) WHERE url IS NOT NULL;
      CREATE INDEX decisions_at ON decisions (at);

      CREATE TABLE keyword_rules (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      ) STRICT;
    `,
  },
];
