import type { Migration } from '../sql/migration.js';

export type { Migration } from '../sql/migration.js';

/**
 * Numbered migrations, applied in order and never edited once released: a change to the schema is
 * a new entry. Domain objects live in JSON `body` columns; the other columns exist for queries.
 */
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
  {
    version: 2,
    name: 'feeds, feed health, seen items and stories',
    sql: `
      CREATE TABLE feeds (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE feed_health (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE seen_items (
        feed_url TEXT NOT NULL,
        item_id TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, item_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX seen_items_seen_at ON seen_items (seen_at);

      CREATE TABLE seen_stories (
        story_key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX seen_stories_seen_at ON seen_stories (seen_at);

      -- Facts about the store's own history, such as "the feed list was seeded once".
      CREATE TABLE store_flags (
        name TEXT PRIMARY KEY
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 3,
    name: 'subscriptions, outbox, message references, advisories, digests',
    sql: `
      CREATE TABLE subscriptions (
        id TEXT PRIMARY KEY,
        guild_id TEXT,
        enabled INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX subscriptions_created ON subscriptions (created_at, id);
      CREATE INDEX subscriptions_guild ON subscriptions (guild_id, created_at) WHERE guild_id IS NOT NULL;

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        subscription_id TEXT NOT NULL,
        incident_id TEXT,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL,
        next_attempt_at TEXT NOT NULL,
        lease_until TEXT,
        last_error TEXT,
        message_id TEXT,
        sent_at TEXT,
        failed_at TEXT,
        entry TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_order ON outbox (created_at, seq);
      CREATE INDEX outbox_pending ON outbox (state, next_attempt_at);
      CREATE INDEX outbox_subscription ON outbox (subscription_id, state);
      CREATE INDEX outbox_pair ON outbox (subscription_id, incident_id, state) WHERE incident_id IS NOT NULL;

      CREATE TABLE message_refs (
        target_key TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        message_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (target_key, incident_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE advisories (
        incident_id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;

      CREATE TABLE digest_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        subscription_id TEXT NOT NULL,
        added_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX digest_entries_pending ON digest_entries (subscription_id, added_at);

      CREATE TABLE digest_runs (
        subscription_id TEXT PRIMARY KEY,
        last_run TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'official travel advice',
    sql: `
      CREATE TABLE official_advice (
        source TEXT NOT NULL,
        country TEXT NOT NULL,
        updated TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (source, country)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX official_advice_country ON official_advice (country, source);
    `,
  },
  {
    version: 5,
    name: 'audit log',
    sql: `
      -- AUTOINCREMENT: an entry's id is never given again, even after the newest entries are pruned.
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        guild_id TEXT,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_subject ON audit_log (subject, at);
      CREATE INDEX audit_log_guild ON audit_log (guild_id, at) WHERE guild_id IS NOT NULL;
    `,
  },
  {
    version: 6,
    name: 'retention of finished deliveries and stale digest entries',
    sql: `
      CREATE INDEX outbox_finished ON outbox (coalesce(sent_at, failed_at)) WHERE state <> 'pending';
      CREATE INDEX digest_entries_added ON digest_entries (added_at);
    `,
  },
];
