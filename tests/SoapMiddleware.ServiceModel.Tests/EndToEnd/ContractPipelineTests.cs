using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SoapMiddleware.Queue;
using SoapMiddleware.ServiceModel.Tests.Contracts;
using SoapMiddleware.ServiceModel.Tests.Infrastructure;

namespace SoapMiddleware.ServiceModel.Tests.EndToEnd;

/// <summary>A WCF contract works with the rest of the toolkit: call wrappers, events, JSON and the queue.</summary>
public sealed class ContractPipelineTests
{
    [Fact]
    public async Task CallWrapper_WcfClientCall_WrapperSeesOperationAndTranslatedFault()
    {
        var journal = new ConcurrentQueue<string>();
        await using var host = await ContractHost.StartAsync(
            rpc =>
            {
                rpc.Services.AddSingleton(journal);
                rpc.AddService<IInventory, Inventory>().AddCallWrapper<JournalWrapper>();
            },
            app => app.MapRpc<IInventory>("/Inventory.svc"));
        var factory = WcfBindings.Factory<IInventory>(WcfBindings.Soap11, host.Url("/Inventory.svc"));
        var inventory = factory.CreateChannel();

        Assert.Equal("a|b", inventory.Join("a", "b"));
        Assert.Throws<FaultException<ItemFault>>(() => inventory.Check(new Item { Id = 1, Name = "bad" }));

        Assert.Equal(["before Concat", "after Concat", "before Check", "fault Check RpcFault`1 Client"], journal);
        factory.Close();
    }

    [Fact]
    public async Task Events_WcfClientCall_MethodCallAndReturnFire()
    {
        var events = new ConcurrentQueue<string>();
        await using var host = await ContractHost.StartAsync(
            rpc => rpc.AddService<IInventory, Inventory>(e => e.AddListener(RpcEventNames.MethodReturnObject, ctx => events.Enqueue("return " + ctx.Operation!.Name)))
                .ConfigureEvents(e => e.AddListener(RpcEventNames.MethodCall, ctx => events.Enqueue("call " + ctx.Operation!.Name))),
            app => app.MapRpc<IInventory>("/Inventory.svc"));
        var factory = WcfBindings.Factory<IInventory>(WcfBindings.Soap12, host.Url("/Inventory.svc"));

        var item = await factory.CreateChannel().GetItemAsync(3);

        Assert.Equal(3, item.Id);
        Assert.Equal(["call GetItem", "return GetItem"], events);
        factory.Close();
    }

    [Fact]
    public async Task Json_ContractOperation_SameResultAndFault()
    {
        await using var host = await ContractHost.StartAsync(rpc => rpc.AddService<IInventory, Inventory>(), app => app.MapRpcJson("/json/inventory"));

        using var joined = await host.Client.PostAsJsonAsync("/json/inventory/Concat", new { first = "x", other = "y" });
        using var faulted = await host.Client.PostAsJsonAsync("/json/inventory/Check", new { item = new { id = 7, Name = "bad", Price = 1, Parts = Array.Empty<object>() } });

        Assert.Equal("x|y", (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("joined").GetString());
        Assert.Equal(400, (int)faulted.StatusCode);
        var fault = (await faulted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fault");
        Assert.Equal("Client", fault.GetProperty("code").GetString());
        Assert.Equal("Item rejected", fault.GetProperty("message").GetString());
        Assert.Equal("bad name", fault.GetProperty("detail").GetProperty("Problem").GetString());
    }

    [Fact]
    public async Task Queue_ContractCallEnqueued_WorkerRunsItAndStoresTheSoapResult()
    {
        var directory = Directory.CreateTempSubdirectory("soapmw-wcf-queue-").FullName;
        try
        {
            await using (var host = await ContractHost.StartAsync(
                rpc => rpc.AddService<IInventory, Inventory>().AddQueue(o => o.PollInterval = TimeSpan.FromMilliseconds(100)).UseSqlite(Path.Combine(directory, "queue.db")),
                app =>
                {
                    app.MapRpcQueueEndpoint("/queue/inventory", "/queue/tasks");
                    app.MapRpcQueueTasks("/queue/tasks");
                }))
            {
                var envelope = $"<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><Concat xmlns=\"{Inventory.Namespace}\"><first>queued</first><other>call</other></Concat></s:Body></s:Envelope>";
                var request = new HttpRequestMessage(HttpMethod.Post, "/queue/inventory") { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
                request.Headers.Add("SOAPAction", "\"urn:inventory:concat\"");

                using var accepted = await host.Client.SendAsync(request);

                Assert.Equal(202, (int)accepted.StatusCode);
                var task = await PollAsync(host.Client, accepted.Headers.Location!);
                Assert.Equal("Succeeded", task.GetProperty("state").GetString());
                var result = XDocument.Parse(task.GetProperty("result").GetString()!);
                Assert.Equal("queued|call", result.Descendants(XNamespace.Get(Inventory.Namespace) + "joined").Single().Value);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<JsonElement> PollAsync(HttpClient client, Uri location)
    {
        for (var i = 0; i < 200; i++)
        {
            var task = await client.GetFromJsonAsync<JsonElement>(location);
            if (task.GetProperty("state").GetString() is "Succeeded" or "Failed")
            {
                return task;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{location} did not finish.");
    }

    private sealed class JournalWrapper(ConcurrentQueue<string> journal) : ICallWrapper
    {
        public async ValueTask<object?> InvokeAsync(MethodContext context, CallNext next)
        {
            journal.Enqueue("before " + context.Operation!.Name);
            try
            {
                var result = await next(context);
                journal.Enqueue("after " + context.Operation.Name);
                return result;
            }
            catch (RpcFault fault)
            {
                journal.Enqueue($"fault {context.Operation.Name} {fault.GetType().Name} {fault.Code}");
                throw;
            }
        }
    }
}
