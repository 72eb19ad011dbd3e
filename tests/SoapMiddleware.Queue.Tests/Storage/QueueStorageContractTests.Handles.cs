using SoapMiddleware.Queue.Engine;

namespace SoapMiddleware.Queue.Tests.Storage;

public abstract partial class QueueStorageContractTests
{
    private const string HandlePattern = "^{0}-[0-9a-f]{{32}}$";

    [StorageFact]
    public async Task Handles_AreIdDashSecret_DifferPerTask_AndEveryReaderAgrees()
    {
        var first = NewTask(display: "Calculator.Add(1, 2)");
        var second = NewTask();
        var id1 = await Storage.Tasks.EnqueueAsync(first);
        var id2 = await Storage.Tasks.EnqueueAsync(second);

        var info1 = await GetAsync(id1);
        var info2 = await GetAsync(id2);

        Assert.Matches(string.Format(null, HandlePattern, id1), info1.Id);
        Assert.Matches(string.Format(null, HandlePattern, id2), info2.Id);
        Assert.Equal(TaskHandle.Format(id1, first.Secret), info1.Id);
        Assert.Equal(TaskHandle.Format(id2, second.Secret), info2.Id);
        Assert.NotEqual(info1.Id[^32..], info2.Id[^32..]);
        Assert.Equal((id1, "Builtin", "Calculator.Add(1, 2)"), (RowIdOf(info1), info1.Engine, info1.Display));
        Assert.Null(info2.Display);

        var listed = await Storage.Monitoring.ListAsync(null, null, 0, 10);
        Assert.Equal([info2.Id, info1.Id], listed.Select(t => t.Id));
        Assert.Equal([id2, id1], listed.Select(t => RowIdOf(t)));
        Assert.Equal([null, "Calculator.Add(1, 2)"], listed.Select(t => t.Display));

        var audit = await Storage.Subscriptions.FetchForSubscriberAsync("audit", "default", 0, 10);
        Assert.Equal([info1.Id, info2.Id], audit.Select(t => t.Handle));
        var fetched = await Storage.Queue.FetchAsync(Default, W1, 10, Lease);
        Assert.Equal([info1.Id, info2.Id], fetched.Select(t => t.Handle));
    }

    [StorageFact]
    public async Task Handles_EnqueueBatch_StoresEachTasksSecretAndDisplay()
    {
        var tasks = Enumerable.Range(0, 3).Select(i => NewTask(display: $"Calculator.Add({i})")).ToList();

        var ids = await Storage.Tasks.EnqueueBatchAsync(tasks);

        for (var i = 0; i < tasks.Count; i++)
        {
            var info = await GetAsync(ids[i]);
            Assert.Equal(TaskHandle.Format(ids[i], tasks[i].Secret), info.Id);
            Assert.Equal($"Calculator.Add({i})", info.Display);
        }

        Assert.Equal(3, tasks.Select(t => t.Secret).Distinct().Count());
    }

    [StorageFact]
    public async Task Handles_RepeatedIdempotencyKey_KeepsTheFirstTasksSecret()
    {
        var first = NewTask("one", key: "order-42");
        var id = await Storage.Tasks.EnqueueAsync(first);

        Assert.Equal(id, await Storage.Tasks.EnqueueAsync(NewTask("two", key: "order-42")));
        Assert.Equal(id, (await Storage.Tasks.EnqueueBatchAsync([NewTask("three", key: "order-42")]))[0]);

        Assert.Equal(TaskHandle.Format(id, first.Secret), (await GetAsync(id)).Id);
    }

    [StorageFact]
    public async Task Handles_MalformedSecret_IsRefusedAndNothingIsStored()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Tasks.EnqueueAsync(NewTask() with { Secret = "" }));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Tasks.EnqueueAsync(NewTask() with { Secret = new string('A', TaskHandle.SecretLength) }));
        await Assert.ThrowsAsync<ArgumentException>(() => Storage.Tasks.EnqueueBatchAsync([NewTask(), NewTask() with { Secret = "0123" }]));

        Assert.Empty(await Storage.Monitoring.ListAsync(null, null, 0, 10));
    }

    [StorageFact]
    public async Task Initialize_FromVersion1_FillsSecretsAndTurnsWorkerTaskIdsIntoHandles()
    {
        // A database as the release before handles left it: schema version 1, two tasks, a worker naming them by row id.
        await ExecuteSqlAsync("v1", $"""
            {VersionTable("v1")}
            {Migrations("v1")[0]}
            INSERT INTO schema_version (version, applied_at) VALUES (1, 0);
            INSERT INTO queue_task (queue, service, operation, content_type, payload, state, max_attempts, created_at, due_at, reason)
                VALUES ('default', 'Calculator', 'Add', 'text/xml', CAST('<a/>' AS {BlobType}), 1, 3, 1000, 1000, 'Enqueued');
            INSERT INTO queue_task (queue, service, operation, content_type, payload, state, max_attempts, created_at, due_at, reason)
                VALUES ('default', 'Calculator', 'Sub', 'text/xml', CAST('<b/>' AS {BlobType}), 1, 3, 2000, 2000, 'Enqueued');
            INSERT INTO queue_worker (worker_id, host, process_id, state, current_task_id, processed, failed, last_task_id, started_at, heartbeat_at)
                VALUES ('old-worker', 'host-a', 1, 1, (SELECT MIN(id) FROM queue_task), 0, 0, 999999, 0, 0);
            """);
        var storage = CreateStorage(Time, "v1");

        await storage.InitializeAsync();

        var tasks = await storage.Monitoring.ListAsync(null, null, 0, 10);
        Assert.Equal(2, tasks.Count);
        Assert.All(tasks, t => Assert.Matches(string.Format(null, HandlePattern, RowIdOf(t)), t.Id));
        Assert.NotEqual(tasks[0].Id[^32..], tasks[1].Id[^32..]);
        Assert.All(tasks, t => Assert.Null(t.Display));
        var oldest = tasks.Single(t => t.Operation == "Add");
        Assert.Equal(oldest.Id, (await storage.Tasks.GetAsync(RowIdOf(oldest)))!.Id);
        var worker = Assert.Single(await storage.Monitoring.GetWorkersAsync());
        Assert.Equal(oldest.Id, worker.CurrentTaskId);
        Assert.Null(worker.LastTaskId);
        var fetched = await storage.Queue.FetchAsync(Default, W1, 10, Lease);
        Assert.Equal(tasks.Select(t => t.Id).Reverse(), fetched.Select(t => t.Handle));

        // The new columns and table work on the migrated store, and a second start migrates nothing.
        await storage.Workers.HeartbeatWorkerAsync(Worker(W1, WorkerState.Processing, oldest.Id, "Calculator.Add"));
        await storage.Recurring.UpsertRecurringAsync(Recurring("r"));
        await CreateStorage(Time, "v1").InitializeAsync();
        Assert.Equal(oldest.Id, (await storage.Tasks.GetAsync(RowIdOf(oldest)))!.Id);
        Assert.Single(await storage.Recurring.ListRecurringAsync());
    }
}
