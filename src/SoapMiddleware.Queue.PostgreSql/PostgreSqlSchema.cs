namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>
/// The queue's tables as numbered migrations, the same tables and columns as the SQLite store. Times are UTC unix
/// milliseconds (bigint); <c>due_at</c> is when an active task (state &lt;= 2) may be fetched.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>Serializes migrations of every process sharing the database.</summary>
    public const long AdvisoryLockKey = 0x534F41504D5751; // "SOAPMWQ"

    /// <summary>The version table in <paramref name="schema"/> (quoted).</summary>
    public static string VersionTable(string schema) =>
        $"CREATE TABLE IF NOT EXISTS {schema}.schema_version (version integer PRIMARY KEY, applied_at bigint NOT NULL);";

    /// <summary>The migrations of the tables in <paramref name="schema"/> (quoted), in order: index i is version i + 1.</summary>
    public static string[] Migrations(string schema) =>
    [
        $"""
        CREATE TABLE {schema}.queue_task (
            id bigserial PRIMARY KEY,
            queue text NOT NULL,
            service text NOT NULL,
            operation text NOT NULL,
            content_type text NOT NULL,
            action text NULL,
            payload bytea NOT NULL,
            state integer NOT NULL,
            attempt integer NOT NULL DEFAULT 0,
            max_attempts integer NOT NULL,
            idempotency_key text NULL,
            worker_id text NULL,
            progress_percent integer NULL,
            progress_message text NULL,
            reason text NULL,
            created_at bigint NOT NULL,
            not_before bigint NULL,
            started_at bigint NULL,
            finished_at bigint NULL,
            lease_until bigint NULL,
            due_at bigint NULL,
            result bytea NULL,
            result_content_type text NULL,
            fault bytea NULL
        );
        CREATE UNIQUE INDEX ix_queue_task_idempotency ON {schema}.queue_task (idempotency_key);
        CREATE INDEX ix_queue_task_fetch ON {schema}.queue_task (queue, due_at, id) WHERE state <= 2;
        CREATE INDEX ix_queue_task_state ON {schema}.queue_task (state, id);
        CREATE INDEX ix_queue_task_queue ON {schema}.queue_task (queue, id);
        CREATE TABLE {schema}.queue_task_history (
            id bigserial PRIMARY KEY,
            task_id bigint NOT NULL,
            at bigint NOT NULL,
            state integer NOT NULL,
            worker_id text NULL,
            reason text NULL
        );
        CREATE INDEX ix_queue_task_history_task ON {schema}.queue_task_history (task_id, id);
        CREATE TABLE {schema}.queue_worker (
            worker_id text PRIMARY KEY,
            host text NOT NULL,
            process_id integer NOT NULL,
            state integer NOT NULL,
            current_task_id bigint NULL,
            progress_percent integer NULL,
            progress_message text NULL,
            processed bigint NOT NULL,
            failed bigint NOT NULL,
            last_task_id bigint NULL,
            started_at bigint NOT NULL,
            heartbeat_at bigint NOT NULL
        );
        CREATE TABLE {schema}.queue_subscription (
            subscriber text NOT NULL,
            queue text NOT NULL,
            cursor_id bigint NOT NULL,
            updated_at bigint NOT NULL,
            PRIMARY KEY (subscriber, queue)
        );
        """,

        // 2: task handles ({id}-{secret}) and display names; worker rows name tasks by handle; recurring calls.
        // Existing tasks get a fresh random secret (gen_random_uuid is built in from PostgreSQL 13); a worker's old
        // numeric task ids become that task's handle, or NULL when the task is gone, so no bare row id is ever
        // shown as a handle.
        $"""
        ALTER TABLE {schema}.queue_task ADD COLUMN secret text NULL, ADD COLUMN display text NULL;
        UPDATE {schema}.queue_task SET secret = replace(gen_random_uuid()::text, '-', '') WHERE secret IS NULL;
        ALTER TABLE {schema}.queue_task ALTER COLUMN secret SET NOT NULL;
        ALTER TABLE {schema}.queue_worker
            ALTER COLUMN current_task_id TYPE text USING current_task_id::text,
            ALTER COLUMN last_task_id TYPE text USING last_task_id::text,
            ADD COLUMN current_operation text NULL;
        UPDATE {schema}.queue_worker w SET
            current_task_id = (SELECT t.id || '-' || t.secret FROM {schema}.queue_task t WHERE t.id::text = w.current_task_id),
            last_task_id = (SELECT t.id || '-' || t.secret FROM {schema}.queue_task t WHERE t.id::text = w.last_task_id);
        CREATE TABLE {schema}.queue_recurring (
            id text PRIMARY KEY,
            cron text NOT NULL,
            time_zone text NOT NULL,
            queue text NOT NULL,
            service text NOT NULL,
            operation text NOT NULL,
            display text NOT NULL,
            content_type text NOT NULL,
            action text NULL,
            payload bytea NOT NULL,
            max_attempts integer NOT NULL,
            next_run_at bigint NULL,
            last_run_at bigint NULL,
            last_task_id text NULL,
            created_at bigint NOT NULL
        );
        CREATE INDEX ix_queue_recurring_next ON {schema}.queue_recurring (next_run_at);
        """,

        // 3: the enqueuing activity's W3C traceparent, so a worker's activity joins the trace that enqueued the call.
        $"""
        ALTER TABLE {schema}.queue_task ADD COLUMN trace_parent text NULL;
        """,

        // 4: how the last run ended (TaskOutcome), stored as data instead of read back from the reason's text.
        $"""
        ALTER TABLE {schema}.queue_task ADD COLUMN outcome integer NULL;
        """,

        // 5: who enqueued the call (the authenticated user's name), so the queued run and the management API know it.
        $"""
        ALTER TABLE {schema}.queue_task ADD COLUMN enqueued_by text NULL;
        """,
    ];
}
