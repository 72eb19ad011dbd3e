using SoapMiddleware.Queue;

namespace SampleApp;

/// <summary>The sample's Hangfire wiring (<c>Queue:Engine=Hangfire</c>).</summary>
internal static class SampleHangfire
{
    public static void Configure(WebApplicationBuilder builder, IRpcQueueBuilder queue, SampleQueueSettings settings)
        => throw new NotSupportedException("Queue:Engine=Hangfire is being wired.");

    public static void MapDashboard(WebApplication app, SampleQueueSettings settings)
    {
    }
}
