using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SoapMiddleware.Tests.Infrastructure;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>
/// A fault repeats at most 64 characters of the client's own input, marked as cut: a 3 MB bad value must not come back
/// as a 4 MB fault or a 4 MB log line (LogPayloads is off by default).
/// </summary>
public sealed class EchoedValueTests
{
    private const int LongestLogLine = 4_000;

    [Fact]
    public async Task HugeBadInteger_FaultAndLogQuoteOnly64Characters()
    {
        var logs = new ListLoggerProvider();
        await using var server = await StartAsync(logs);
        var digits = new string('9', 3 * 1024 * 1024);

        var (status, document, _) = await server.CallAsync($"<t:Add><t:a>{digits}</t:a><t:b>1</t:b></t:Add>");

        var fault = document.Descendants("faultstring").Single().Value;
        Assert.Equal(500, status);
        Assert.Equal($"Element 'Add/a': '{new string('9', 64)}… (cut, 3145728 characters)' is outside the range of xs:int.", fault);
        Assert.NotEmpty(logs.Entries);
        Assert.All(logs.Entries, e => Assert.True(e.Message.Length < LongestLogLine, $"a log line of {e.Message.Length} characters"));
    }

    [Fact]
    public async Task HugeUnknownElementName_Cut()
    {
        var logs = new ListLoggerProvider();
        await using var server = await StartAsync(logs);
        var name = "x" + new string('y', 100_000);

        var (_, document, _) = await server.CallAsync($"<t:Add><t:{name}>1</t:{name}></t:Add>");

        var fault = document.Descendants("faultstring").Single().Value;
        Assert.StartsWith("Element 'Add/xyyy", fault);
        Assert.Contains("… (cut, 100001 characters)", fault);
        Assert.True(fault.Length < 400, fault);
        Assert.All(logs.Entries, e => Assert.True(e.Message.Length < LongestLogLine, $"a log line of {e.Message.Length} characters"));
    }

    [Fact]
    public void Cap_KeepsShortValues_NeverSplitsASurrogatePair()
    {
        Assert.Equal("short", EchoedText.Cap("short"));
        Assert.Equal(new string('a', 64), EchoedText.Cap(new string('a', 64)));

        var emoji = new string('a', 63) + "\U0001F600" + "tail";
        var cut = EchoedText.Cap(emoji);

        Assert.Equal(new string('a', 63) + "… (cut, 69 characters)", cut);
    }

    [Fact]
    public void XmlSafe_ReplacesForbiddenCharacters_KeepsPairsAndWhitespace()
    {
        var text = "a\u001Fb\uD800c\uDC00d\uFFFEe\U0001F600\t\r\n";

        var safe = EchoedText.XmlSafe(text);

        Assert.Equal("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\U0001F600\t\r\n", safe);
        Assert.Same("plain", EchoedText.XmlSafe("plain"));
        Assert.Equal("'\uFFFD' is bad", EchoedText.CapMessage("'\u0001' is bad"));
    }

    private static Task<TestServer> StartAsync(ListLoggerProvider logs) => TestServer.StartAsync(
        rpc =>
        {
            rpc.Services.AddSingleton<Wrappers.Journal>();
            rpc.AddService<Wrappers.WrappedService>();
        },
        logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
}
