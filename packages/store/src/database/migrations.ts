/** One schema step. `version` is what `PRAGMA user_version` holds once it has run. */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema, as an append-only list: never edit a migration that has shipped, add a new one.
 * Each runs in its own transaction when a store is opened.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'chats, messages, model notes, usage',
    sql: `
      CREATE TABLE chats (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        host TEXT,
        model TEXT,
        options TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        chat_id TEXT NOT NULL REFERENCES chats(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        thinking TEXT,
        images TEXT,
        tool_calls TEXT,
        tool_name TEXT,
        host TEXT,
        model TEXT,
        options TEXT,
        metrics TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX messages_by_chat ON messages (chat_id, id);
      CREATE TABLE model_notes (
        host TEXT NOT NULL,
        model TEXT NOT NULL,
        favourite INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '[]',
        category TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (host, model)
      ) WITHOUT ROWID;
      CREATE TABLE usage (
        host TEXT NOT NULL,
        model TEXT NOT NULL,
        requests INTEGER NOT NULL DEFAULT 0,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        first_used_at INTEGER NOT NULL,
        last_used_at INTEGER NOT NULL,
        PRIMARY KEY (host, model)
      ) WITHOUT ROWID;
      CREATE TABLE usage_samples (
        id INTEGER PRIMARY KEY,
        host TEXT NOT NULL,
        model TEXT NOT NULL,
        at INTEGER NOT NULL,
        load_ms REAL,
        tokens_per_second REAL
      );
      CREATE INDEX usage_samples_by_model ON usage_samples (host, model, at);
    `,
  },
  {
    version: 2,
    description: 'full-text search over messages (FTS5, kept in sync by triggers)',
    sql: `
      CREATE VIRTUAL TABLE messages_fts USING fts5 (
        content, thinking,
        content = 'messages', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, content, thinking) VALUES (new.id, new.content, new.thinking);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content, thinking)
          VALUES ('delete', old.id, old.content, old.thinking);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, thinking ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, content, thinking)
          VALUES ('delete', old.id, old.content, old.thinking);
        INSERT INTO messages_fts (rowid, content, thinking) VALUES (new.id, new.content, new.thinking);
      END;
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 3,
    description: 'bench history and the pull queue',
    sql: `
      CREATE TABLE bench_runs (
        id TEXT PRIMARY KEY,
        suite TEXT NOT NULL,
        label TEXT,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        environment TEXT NOT NULL,
        results TEXT NOT NULL
      );
      CREATE INDEX bench_runs_by_suite ON bench_runs (suite, started_at);
      CREATE TABLE pulls (
        id INTEGER PRIMARY KEY,
        host TEXT NOT NULL,
        model TEXT NOT NULL,
        state TEXT NOT NULL,
        completed_bytes INTEGER NOT NULL DEFAULT 0,
        total_bytes INTEGER,
        error TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX pulls_one_active ON pulls (host, model)
        WHERE state IN ('queued', 'running', 'paused');
    `,
  },
  {
    version: 4,
    description: "why a reply ended: Ollama's done_reason, or 'aborted' when the user stopped it",
    sql: `
      ALTER TABLE messages ADD COLUMN done_reason TEXT;
    `,
  },
];

/** The schema version this build writes. */
export const schemaVersion: number = migrations.at(-1)?.version ?? 0;
