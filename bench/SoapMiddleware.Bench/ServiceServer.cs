using SampleApp.Services;

namespace SoapMiddleware.Bench;

/// <summary>
/// The sample service as the sample app serves it (<c>bare</c>), or with 3 call wrappers and 2 listeners
/// (<c>wrapped</c>): issue 3's "Echo throughput stays within 10% of the bare pipeline".
/// </summary>
internal static class ServiceServer
{
    public static async Task RunAsync(string[] args, bool wrapped)
    {
        var builder = BenchHost.CreateBuilder(args);
        var rpc = builder.Services.AddRpc().AddService<CalculatorService>();
        if (wrapped)
        {
            AddWrappersAndListeners(rpc);
        }

        var app = builder.Build();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        app.UseRpc("/soap/calculator");
        await app.RunAsync();
    }

    public static void AddWrappersAndListeners(IRpcBuilder rpc)
        => rpc.AddCallWrapper<TimingWrapper>()
            .AddCallWrapper<CorrelationWrapper>()
            .AddCallWrapper<ClientHeaderWrapper>()
            .ConfigureEvents(events =>
            {
                events.AddListener(RpcEventNames.MethodCall, (MethodContext _) => CallCounters.IncrementCalls());
                events.AddListener(RpcEventNames.MethodReturnObject, (MethodContext _) => CallCounters.IncrementReturns());
            });
}
