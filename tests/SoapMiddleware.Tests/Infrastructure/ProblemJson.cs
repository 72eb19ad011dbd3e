using System.Text.Json;

namespace SoapMiddleware.Tests.Infrastructure;

/// <summary>RFC 9457 problem details: the one shape of every error of the queue and management APIs.</summary>
public static class ProblemJson
{
    /// <summary>Asserts the status, the <c>application/problem+json</c> media type and the members; returns the detail.</summary>
    public static async Task<string> AssertAsync(HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrEmpty(detail));
        return detail!;
    }
}
