using Microsoft.Extensions.Options;
using SoapMiddleware.Description;
using SoapMiddleware.MessagePack;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.Client.Calls;

/// <summary>The protocols a client speaks, by name: the core's built-in ones and MessagePack.</summary>
internal static class ClientProtocols
{
    public static IReadOnlyList<string> Names { get; } = ["soap11", "soap12", "json", "msgpack"];

    public static IRpcProtocol? Create(string name, RpcDescription description, RpcOptions limits)
        => name == "msgpack"
            ? new MessagePackProtocol(description, Options.Create(limits))
            : RpcBuiltInProtocols.Create(name, description, limits);
}
