using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using SoapMiddleware.Tests.Infrastructure;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>A client that sends its body too slowly gets Kestrel's 408, logged as a refused request at Information, not as an unhandled error.</summary>
public sealed class SlowBodyTests
{
    [Fact]
    public async Task BodyTooSlow_408_LoggedAsRefusedNotAsAnError()
    {
        var logs = new ListLoggerProvider();
        await using var server = await TestServer.StartAsync(
            rpc =>
            {
                rpc.AddService<Wrappers.WrappedService>();
                rpc.Services.Configure<KestrelServerOptions>(o => o.Limits.MinRequestBodyDataRate = new MinDataRate(100, TimeSpan.FromSeconds(1.5)));
            },
            logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information));

        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", server.BaseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST /soap HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 100000\r\n\r\n<s:Envelope";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var answer = new byte[4096];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read));
        await Task.Delay(200);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("408"));
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
