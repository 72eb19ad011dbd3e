using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>Raw JSON and HTTP RPC calls: the status, the parsed body, the response.</summary>
public static class JsonRequests
{
    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> PostJsonAsync(
        HttpClient client, string path, string body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await client.PostAsync(path, content);
        return ((int)response.StatusCode, await ParseAsync(response), response);
    }

    public static async Task<(int Status, JsonElement Body, HttpResponseMessage Response)> GetJsonAsync(HttpClient client, string pathAndQuery)
    {
        var response = await client.GetAsync(pathAndQuery);
        return ((int)response.StatusCode, await ParseAsync(response), response);
    }

    /// <summary>The <c>fault</c> object of a JSON fault body; fails when the body is not one.</summary>
    public static JsonElement Fault(JsonElement body)
    {
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
        var fault = body.GetProperty("fault");
        Assert.False(string.IsNullOrEmpty(fault.GetProperty("message").GetString()));
        return fault;
    }

    private static async Task<JsonElement> ParseAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
