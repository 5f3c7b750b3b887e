import type { Migration } from '../sql/migration.js';

export type { Migration } from '../sql/migration.js';

/**
 * Numbered migrations of the PostgreSQL store, applied in order and never edited once released: a
 * change to the schema is a new entry. Domain objects live in JSONB `body` columns; the other
 * columns exist for queries. Text columns use the "C" collation so that ids, keys and ISO instants
 * sort by code point, as they do in the SQLite store, whatever the database's locale.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'incidents, seeds, decisions, keyword rules',
    sql: `
      CREATE TABLE incidents (
        id text COLLATE "C" PRIMARY KEY,
        country text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX incidents_updated_at ON incidents (updated_at);
      CREATE INDEX incidents_country_updated_at ON incidents (country, updated_at);

      CREATE TABLE incident_keys (
        key text COLLATE "C" NOT NULL,
        incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
        PRIMARY KEY (key, incident_id)
      );
      CREATE INDEX incident_keys_incident ON incident_keys (incident_id);

      CREATE TABLE seeds (
        name text COLLATE "C" PRIMARY KEY,
        sha256 text COLLATE "C" NOT NULL,
        loaded_at text COLLATE "C" NOT NULL
      );

      CREATE TABLE decisions (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        document_id text COLLATE "C" NOT NULL,
        url text COLLATE "C",
        at text COLLATE "C" NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX decisions_document ON decisions (document_id, at);
      CREATE INDEX decisions_url ON decisions (url, at) WHERE url IS NOT NULL;
      CREATE INDEX decisions_at ON decisions (at);

      CREATE TABLE keyword_rules (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text COLLATE "C" NOT NULL UNIQUE,
        body jsonb NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'feeds, feed health, seen items and stories',
    sql: `
      CREATE TABLE feeds (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text COLLATE "C" NOT NULL UNIQUE,
        body jsonb NOT NULL
      );

      CREATE TABLE feed_health (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url text COLLATE "C" NOT NULL UNIQUE,
        body jsonb NOT NULL
      );

      CREATE TABLE seen_items (
        feed_url text COLLATE "C" NOT NULL,
        item_id text COLLATE "C" NOT NULL,
        seen_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (feed_url, item_id)
      );
      CREATE INDEX seen_items_seen_at ON seen_items (seen_at);

      CREATE TABLE seen_stories (
        story_key text COLLATE "C" PRIMARY KEY,
        seen_at text COLLATE "C" NOT NULL
      );
      CREATE INDEX seen_stories_seen_at ON seen_stories (seen_at);

      -- Facts about the store's own history, such as "the feed list was seeded once".
      CREATE TABLE store_flags (
        name text COLLATE "C" PRIMARY KEY
      );
    `,
  },
  {
    version: 3,
    name: 'subscriptions, outbox, message references, advisories, digests',
    sql: `
      CREATE TABLE subscriptions (
        id text COLLATE "C" PRIMARY KEY,
        guild_id text COLLATE "C",
        enabled boolean NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX subscriptions_created ON subscriptions (created_at, id);
      CREATE INDEX subscriptions_guild ON subscriptions (guild_id, created_at) WHERE guild_id IS NOT NULL;

      CREATE TABLE outbox (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text COLLATE "C" NOT NULL UNIQUE,
        subscription_id text COLLATE "C" NOT NULL,
        incident_id text COLLATE "C",
        created_at text COLLATE "C" NOT NULL,
        state text COLLATE "C" NOT NULL CHECK (state IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL,
        next_attempt_at text COLLATE "C" NOT NULL,
        lease_until text COLLATE "C",
        last_error jsonb,
        message_id text COLLATE "C",
        sent_at text COLLATE "C",
        failed_at text COLLATE "C",
        entry jsonb NOT NULL
      );
      CREATE INDEX outbox_order ON outbox (created_at, seq);
      CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE state = 'pending';
      CREATE INDEX outbox_subscription ON outbox (subscription_id, state);
      CREATE INDEX outbox_pair ON outbox (subscription_id, incident_id, created_at, seq)
        WHERE state = 'pending' AND incident_id IS NOT NULL;

      CREATE TABLE message_refs (
        target_key text COLLATE "C" NOT NULL,
        incident_id text COLLATE "C" NOT NULL,
        message_id text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        PRIMARY KEY (target_key, incident_id)
      );

      CREATE TABLE advisories (
        incident_id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        body jsonb NOT NULL
      );

      CREATE TABLE digest_entries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key text COLLATE "C" NOT NULL UNIQUE,
        subscription_id text COLLATE "C" NOT NULL,
        added_at text COLLATE "C" NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX digest_entries_pending ON digest_entries (subscription_id, added_at);

      CREATE TABLE digest_runs (
        subscription_id text COLLATE "C" PRIMARY KEY,
        last_run text COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'official travel advice',
    sql: `
      CREATE TABLE official_advice (
        source text COLLATE "C" NOT NULL,
        country text COLLATE "C" NOT NULL,
        updated text COLLATE "C" NOT NULL,
        body jsonb NOT NULL,
        PRIMARY KEY (source, country)
      );
      CREATE INDEX official_advice_country ON official_advice (country, source);
    `,
  },
  {
    version: 5,
    name: 'feed leases',
    sql: `
      -- Which process polls a feed, until when; a row past its lease_until is free for the taking.
      CREATE TABLE feed_leases (
        url text COLLATE "C" PRIMARY KEY,
        owner text COLLATE "C" NOT NULL,
        lease_until text COLLATE "C" NOT NULL
      );
    `,
  },
  {
    version: 6,
    name: 'audit log, retention of finished deliveries and stale digest entries',
    sql: `
      -- An identity is never given again, even after the newest entries are pruned.
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at text COLLATE "C" NOT NULL,
        action text COLLATE "C" NOT NULL,
        subject text COLLATE "C" NOT NULL,
        guild_id text COLLATE "C",
        body jsonb NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_subject ON audit_log (subject, at);
      CREATE INDEX audit_log_guild ON audit_log (guild_id, at) WHERE guild_id IS NOT NULL;

      CREATE INDEX outbox_finished ON outbox ((coalesce(sent_at, failed_at))) WHERE state <> 'pending';
      CREATE INDEX digest_entries_added ON digest_entries (added_at);
    `,
  },
];
