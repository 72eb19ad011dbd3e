namespace SoapMiddleware.Queue.Storage.Sqlite;

/// <summary>
/// The SQLite schema as numbered migrations. Times are unix milliseconds (UTC); <c>due_at</c> is when an active task
/// (scheduled, enqueued, processing) may be fetched: its ready time, not-before time or lease end. Migrations are
/// append-only: a released one is never edited, since databases that already ran it would not run it again.
/// </summary>
internal static class SqliteSchema
{
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE queue_task (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            queue TEXT NOT NULL,
            service TEXT NOT NULL,
            operation TEXT NOT NULL,
            content_type TEXT NOT NULL,
            action TEXT NULL,
            payload BLOB NOT NULL,
            state INTEGER NOT NULL,
            attempt INTEGER NOT NULL DEFAULT 0,
            max_attempts INTEGER NOT NULL,
            idempotency_key TEXT NULL,
            worker_id TEXT NULL,
            progress_percent INTEGER NULL,
            progress_message TEXT NULL,
            reason TEXT NULL,
            created_at INTEGER NOT NULL,
            not_before INTEGER NULL,
            started_at INTEGER NULL,
            finished_at INTEGER NULL,
            lease_until INTEGER NULL,
            due_at INTEGER NULL,
            result BLOB NULL,
            result_content_type TEXT NULL,
            fault BLOB NULL
        );
        CREATE UNIQUE INDEX ix_queue_task_idempotency ON queue_task (idempotency_key);
        CREATE INDEX ix_queue_task_fetch ON queue_task (queue, due_at, id) WHERE state <= 2;
        CREATE INDEX ix_queue_task_state ON queue_task (state, id);
        CREATE INDEX ix_queue_task_queue ON queue_task (queue, id);
        CREATE TABLE queue_task_history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            task_id INTEGER NOT NULL,
            at INTEGER NOT NULL,
            state INTEGER NOT NULL,
            worker_id TEXT NULL,
            reason TEXT NULL
        );
        CREATE INDEX ix_queue_task_history_task ON queue_task_history (task_id, id);
        CREATE TABLE queue_worker (
            worker_id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            process_id INTEGER NOT NULL,
            state INTEGER NOT NULL,
            current_task_id INTEGER NULL,
            progress_percent INTEGER NULL,
            progress_message TEXT NULL,
            processed INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            last_task_id INTEGER NULL,
            started_at INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL
        );
        CREATE TABLE queue_subscription (
            subscriber TEXT NOT NULL,
            queue TEXT NOT NULL,
            cursor_id INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (subscriber, queue)
        );
        """,

        // 2: task handles ({id}-{secret}) and display names; worker rows name tasks by handle; recurring calls.
        // Existing tasks get a fresh random secret; a worker's old numeric task ids become that task's handle
        // (or NULL when the task is gone), so no bare row id is ever shown as a handle. SQLite cannot change a
        // column's type, so queue_worker is rebuilt (it has no indexes, views or foreign keys to carry over).
        """
        ALTER TABLE queue_task ADD COLUMN secret TEXT NULL;
        ALTER TABLE queue_task ADD COLUMN display TEXT NULL;
        UPDATE queue_task SET secret = lower(hex(randomblob(16))) WHERE secret IS NULL;
        CREATE TABLE queue_worker_v2 (
            worker_id TEXT PRIMARY KEY,
            host TEXT NOT NULL,
            process_id INTEGER NOT NULL,
            state INTEGER NOT NULL,
            current_task_id TEXT NULL,
            current_operation TEXT NULL,
            progress_percent INTEGER NULL,
            progress_message TEXT NULL,
            processed INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            last_task_id TEXT NULL,
            started_at INTEGER NOT NULL,
            heartbeat_at INTEGER NOT NULL
        );
        INSERT INTO queue_worker_v2 (worker_id, host, process_id, state, current_task_id, progress_percent, progress_message,
            processed, failed, last_task_id, started_at, heartbeat_at)
        SELECT w.worker_id, w.host, w.process_id, w.state,
            (SELECT t.id || '-' || t.secret FROM queue_task t WHERE t.id = w.current_task_id),
            w.progress_percent, w.progress_message, w.processed, w.failed,
            (SELECT t.id || '-' || t.secret FROM queue_task t WHERE t.id = w.last_task_id),
            w.started_at, w.heartbeat_at
        FROM queue_worker w;
        DROP TABLE queue_worker;
        ALTER TABLE queue_worker_v2 RENAME TO queue_worker;
        CREATE TABLE queue_recurring (
            id TEXT PRIMARY KEY,
            cron TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            queue TEXT NOT NULL,
            service TEXT NOT NULL,
            operation TEXT NOT NULL,
            display TEXT NOT NULL,
            content_type TEXT NOT NULL,
            action TEXT NULL,
            payload BLOB NOT NULL,
            max_attempts INTEGER NOT NULL,
            next_run_at INTEGER NULL,
            last_run_at INTEGER NULL,
            last_task_id TEXT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX ix_queue_recurring_next ON queue_recurring (next_run_at);
        """,

        // 3: the enqueuing activity's W3C traceparent, so a worker's activity joins the trace that enqueued the call.
        """
        ALTER TABLE queue_task ADD COLUMN trace_parent TEXT NULL;
        """,

        // 4: how the last run ended (TaskOutcome), stored as data instead of read back from the reason's text.
        """
        ALTER TABLE queue_task ADD COLUMN outcome INTEGER NULL;
        """,

        // 5: who enqueued the call (the authenticated user's name), so the queued run and the management API know it.
        """
        ALTER TABLE queue_task ADD COLUMN enqueued_by TEXT NULL;
        """,
    ];

    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL);";
}
