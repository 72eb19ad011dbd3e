using System.Net;
using System.Text;

namespace SoapMiddleware.Tests.EndToEnd;

/// <summary>JSON that is not valid text (invalid UTF-8, a lone surrogate escape) is the client's mistake: 400 with a clear Client fault, never a 500.</summary>
[Collection(SampleAppCollection.Name)]
public sealed class JsonBadTextTests(SampleAppServer server)
{
    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'e', (byte)'x', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}' })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'e', (byte)'x', (byte)'t', (byte)'"', (byte)':', (byte)'"', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0', (byte)'"', (byte)'}' })]
    public async Task InvalidText_400ClientFault(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await server.Client.PostAsync(new Uri(server.BaseAddress, "/json/calculator/Echo"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"Client\"", text);
        Assert.Contains("not valid", text);
    }

    [Fact]
    public async Task InvalidTextInAPropertyName_400ClientFault()
    {
        var body = Encoding.UTF8.GetBytes("{\"\\ud800\": {}}");
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await server.Client.PostAsync(new Uri(server.BaseAddress, "/json/calculator"), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
