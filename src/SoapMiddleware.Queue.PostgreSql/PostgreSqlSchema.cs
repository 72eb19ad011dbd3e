namespace SoapMiddleware.Queue.PostgreSql;

/// <summary>
/// The PostgreSQL schema as numbered migrations, the same tables and columns as the SQLite store. Times are UTC unix
/// milliseconds (bigint); <c>due_at</c> is when an active task (state &lt;= 2) may be fetched.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>Serializes migrations of every process sharing the database.</summary>
    public const long AdvisoryLockKey = 0x534F41504D5751; // "SOAPMWQ"

    public const string Channel = "soapmw_queue";

    public const string VersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at bigint NOT NULL);";

    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE queue_task (
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
        CREATE UNIQUE INDEX ix_queue_task_idempotency ON queue_task (idempotency_key);
        CREATE INDEX ix_queue_task_fetch ON queue_task (queue, due_at, id) WHERE state <= 2;
        CREATE INDEX ix_queue_task_state ON queue_task (state, id);
        CREATE INDEX ix_queue_task_queue ON queue_task (queue, id);
        CREATE TABLE queue_task_history (
            id bigserial PRIMARY KEY,
            task_id bigint NOT NULL,
            at bigint NOT NULL,
            state integer NOT NULL,
            worker_id text NULL,
            reason text NULL
        );
        CREATE INDEX ix_queue_task_history_task ON queue_task_history (task_id, id);
        CREATE TABLE queue_worker (
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
        CREATE TABLE queue_subscription (
            subscriber text NOT NULL,
            queue text NOT NULL,
            cursor_id bigint NOT NULL,
            updated_at bigint NOT NULL,
            PRIMARY KEY (subscriber, queue)
        );
        """,
    ];
}
