using static SoapMiddleware.Tests.Infrastructure.SoapRequests;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>Many clients at once: every answer must be the right one for its own request.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class ConcurrencyTests(SampleAppServer server)
{
    [Fact]
    public async Task MixedCalls_64ClientsBy200_EveryAnswerChecked()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 64), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (clientId, _) =>
        {
            for (var call = 0; call < 200; call++)
            {
                var failure = await CallAsync(client, clientId, call);
                if (failure is not null)
                {
                    failures.Add(failure);
                }
            }
        });

        Assert.Empty(failures);
    }

    private async Task<string?> CallAsync(HttpClient client, int clientId, int call)
    {
        var a = clientId * 1000 + call;
        switch (call % 4)
        {
            case 0:
            {
                var (status, doc, _) = await SendAsync(client, Soap11Request(server.SoapUrl, Envelope11($"<t:Add><t:a>{a}</t:a><t:b>{call}</t:b></t:Add>")));
                return status == 200 && BodyContent(doc).Value == (a + call).ToString() ? null : $"Add {a}+{call}: {status} {doc}";
            }

            case 1:
            {
                var text = $"client {clientId} call {call} <&>";
                var (status, doc, _) = await SendAsync(client, Soap12Request(server.SoapUrl, Envelope12($"<t:Echo><t:text>{System.Security.SecurityElement.Escape(text)}</t:text></t:Echo>")));
                return status == 200 && BodyContent(doc).Value == text ? null : $"Echo {text}: {status}";
            }

            case 2:
            {
                var lines = call % 7;
                var (status, doc, _) = await SendAsync(client, Soap11Request(server.SoapUrl, Envelope11($"<t:GetOrder><t:id>{a}</t:id><t:lines>{lines}</t:lines></t:GetOrder>")));
                var order = BodyContent(doc).Element(T + "GetOrderResult");
                var ok = status == 200 && order?.Element(T + "Id")?.Value == a.ToString()
                    && order.Element(T + "Lines")!.Elements().Count() == lines;
                return ok ? null : $"GetOrder {a}/{lines}: {status}";
            }

            default:
            {
                var b = call % 5;
                var (status, doc, _) = await SendAsync(client, Soap11Request(server.SoapUrl, Envelope11($"<t:Divide><t:a>{a}</t:a><t:b>{b}</t:b></t:Divide>")));
                if (b == 0)
                {
                    return status == 500 && doc.Descendants("faultstring").Single().Value == "Division by zero." ? null : $"Divide {a}/0: {status}";
                }

                return status == 200 && BodyContent(doc).Value == (a / b).ToString() ? null : $"Divide {a}/{b}: {status}";
            }
        }
    }
}
