using System.Net.Http.Headers;
using MessagePack;
using MessagePack.Resolvers;

namespace SoapMiddleware.MessagePack.Tests.Infrastructure;

/// <summary>
/// The client side, written with MessagePack-CSharp's own serializer: requests from anonymous objects
/// (<c>new { Add = new { a = 1, b = 2 } }</c>, the contractless resolver writes a map of the property names) and
/// responses read into the attributed views of the Wire folder, as an application using the library would.
/// </summary>
internal static class MsgPack
{
    public const string MediaType = "application/msgpack";

    /// <summary>The contractless resolver for the anonymous requests; responses are untrusted data to a client too.</summary>
    public static readonly MessagePackSerializerOptions Options = ContractlessStandardResolver.Options.WithSecurity(MessagePackSecurity.UntrustedData);

    public static byte[] Pack<T>(T value) => MessagePackSerializer.Serialize(value, Options);

    public static T Unpack<T>(byte[] bytes) => MessagePackSerializer.Deserialize<T>(bytes, Options);

    /// <summary>POSTs <paramref name="body"/> and returns the status, media type and body.</summary>
    public static async Task<MsgPackResponse> PostAsync(HttpClient client, string path, byte[] body, string contentType = MediaType, string? accept = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await client.SendAsync(request);
        return new MsgPackResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Calls <paramref name="path"/> with a request packed from <paramref name="request"/>.</summary>
    public static Task<MsgPackResponse> CallAsync(HttpClient client, string path, object request)
        => PostAsync(client, path, Pack(request));
}
