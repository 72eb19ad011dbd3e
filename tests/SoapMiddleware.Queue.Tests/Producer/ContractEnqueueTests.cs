using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace SoapMiddleware.Queue.Tests.Producer;

/// <summary>
/// Enqueueing through a typed client's interface (<c>queue.EnqueueAsync&lt;ICalculator&gt;(c =&gt; c.Add(1, 2))</c>) on the
/// built-in engine over SQLite, in a real app: the call is stored as the server's operation and a worker runs it.
/// </summary>
public sealed class ContractEnqueueTests
{
    [Fact]
    public async Task ClientContractInterface_EnqueuesTheServersOperation_WorkerRunsIt()
    {
        await using var sample = await SampleAppHost.StartAsync("soapmw-contract-enqueue-", []);
        var queue = sample.Services.GetRequiredService<IRpcQueue>();
        var b = 40;

        var add = await queue.EnqueueAsync<ICalculatorContract>(c => c.Add(1, 2));
        var addAsync = await queue.EnqueueAsync<ICalculatorContract>(c => c.AddAsync(2, b, default));
        var sleep = await queue.EnqueueAsync<ICalculatorContract>(c => c.SleepAsync(0, default));
        var wcf = await queue.EnqueueAsync<SampleApp.Wcf.ICalculator>(c => c.Divide(-7, 2));

        var added = await Wait.ForStateAsync(queue, add, QueuedTaskState.Succeeded);
        Assert.Equal(("CalculatorService", "Add"), (added.Service, added.Operation));
        Assert.Contains("AddResult>3</", Encoding.UTF8.GetString(added.Result!));
        Assert.Contains("AddResult>42</", Encoding.UTF8.GetString((await Wait.ForStateAsync(queue, addAsync, QueuedTaskState.Succeeded)).Result!));
        Assert.Equal("Sleep", (await Wait.ForStateAsync(queue, sleep, QueuedTaskState.Succeeded)).Operation);
        var divided = await Wait.ForStateAsync(queue, wcf, QueuedTaskState.Succeeded);
        Assert.Equal("Divide", divided.Operation);
        Assert.Contains("DivideResult>-3</", Encoding.UTF8.GetString(divided.Result!));
    }

    [Fact]
    public async Task ContractMethodNamingNoOperation_OrOtherTypes_IsRefused()
    {
        await using var sample = await SampleAppHost.StartAsync("soapmw-contract-enqueue-", []);
        var queue = sample.Services.GetRequiredService<IRpcQueue>();

        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync<ICalculatorContract>(c => c.Multiply(2, 3)));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.EnqueueAsync<ICalculatorContract>(c => c.AddLongs(2, 3)));

        Assert.Contains("ICalculatorContract.Multiply", unknown.Message);
        Assert.Empty(await sample.Services.GetRequiredService<IRpcQueueMonitor>().ListAsync(null, null, 0, 10));
    }

    [Fact]
    public async Task InterfaceTheServiceImplements_MapsToTheImplementationsOperation()
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-contract-enqueue-").FullName;
        try
        {
            var builder = KestrelApp.CreateBuilder();
            builder.Services.AddRpc(o => o.Namespace = "http://example.com/greeter")
                .AddService<GreeterService>()
                .AddQueue(o => o.PollInterval = TimeSpan.FromMilliseconds(100))
                .UseSqlite(Path.Combine(directory, "queue.db"));
            await using (var app = await KestrelApp.StartAsync(builder.Build()))
            {
                var queue = app.Services.GetRequiredService<IRpcQueue>();

                var handle = await queue.EnqueueAsync<IGreeter>(g => g.Greet("Ada"));

                var task = await Wait.ForStateAsync(queue, handle, QueuedTaskState.Succeeded);
                Assert.Equal("SayHello", task.Operation);
                Assert.Contains("Hello, Ada", Encoding.UTF8.GetString(task.Result!));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
