using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml;
using SoapMiddleware.Queue;

namespace SoapMiddleware.EngineContract;

/// <summary>
/// A call enqueued over HTTP with a WS-Security token: what the engine's storage holds of the request (the task's
/// <see cref="QueuedTaskInfo.Payload"/>, read back from the storage row or the Hangfire job's argument) has no
/// wsse:Security header, so neither the password nor the nonce; the call runs as the enqueuer.
/// </summary>
public abstract partial class EngineContractTests
{
    [SkippableFact]
    public async Task EnqueuedOverHttpWithPasswordText_StoredWithoutTheToken_RunsAsTheEnqueuer()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        using var response = await _host!.Client.SendAsync(SecureRequest("stored-without-token", nonce, idempotencyKey: null));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        using var json = JsonDocument.Parse(body);
        var handle = json.RootElement.GetProperty("id").GetString()!;
        var task = await WaitForStateAsync(handle, QueuedTaskState.Succeeded);

        var stored = Encoding.UTF8.GetString(task.Payload!);
        Assert.DoesNotContain(SecureEnqueue.Password, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(nonce, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("oasis-200401-wss-wssecurity-secext", stored, StringComparison.Ordinal);
        Assert.Contains(">stored-without-token</", stored, StringComparison.Ordinal); // the call itself is all there
        Assert.Equal(SecureEnqueue.User, task.EnqueuedBy);
        Assert.Contains(">alice</", Encoding.UTF8.GetString(task.Result!), StringComparison.Ordinal);
        Assert.Contains("WhoEnqueued stored-without-token alice", Probe.Runs);
    }

    [SkippableFact]
    public async Task EnqueuedOverHttp_SameCallWithAFreshToken_SameIdempotencyKey_SameTask()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var key = "retry-" + Guid.NewGuid().ToString("N");

        // A client retrying its call sends a new nonce and Created each time; with the token stored, the key would
        // name "a different request" (409).
        using var first = await _host!.Client.SendAsync(SecureRequest("retried", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), key));
        using var retry = await _host!.Client.SendAsync(SecureRequest("retried", Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), key));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var one = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var two = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(one, two);
    }

    /// <summary>WhoEnqueued(key) in SOAP 1.1 with a PasswordText UsernameToken, marked mustUnderstand as WCF marks it.</summary>
    private static HttpRequestMessage SecureRequest(string key, string nonce, string? idempotencyKey)
    {
        var created = XmlConvert.ToString(DateTime.UtcNow, "yyyy-MM-ddTHH:mm:ss.fffZ");
        const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
        const string Profile = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0";
        var envelope = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="{EngineTestService.Namespace}">
              <soap:Header>
                <wsse:Security xmlns:wsse="{Wsse}" xmlns:wsu="{Wsu}" soap:mustUnderstand="1">
                  <wsse:UsernameToken>
                    <wsse:Username>{SecureEnqueue.User}</wsse:Username>
                    <wsse:Password Type="{Profile}#PasswordText">{SecureEnqueue.Password}</wsse:Password>
                    <wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">{nonce}</wsse:Nonce>
                    <wsu:Created>{created}</wsu:Created>
                  </wsse:UsernameToken>
                </wsse:Security>
              </soap:Header>
              <soap:Body><t:WhoEnqueued><t:key>{key}</t:key></t:WhoEnqueued></soap:Body>
            </soap:Envelope>
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, SecureEnqueue.Path) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        return request;
    }
}
