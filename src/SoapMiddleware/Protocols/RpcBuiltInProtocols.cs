using SoapMiddleware.Description;

namespace SoapMiddleware.Protocols;

/// <summary>Creates the built-in protocols by name for a description, as a client runs them outside a server.</summary>
public static class RpcBuiltInProtocols
{
    /// <summary>The names of the built-in protocols: <c>soap11</c>, <c>soap12</c>, <c>json</c>, <c>httprpc</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["soap11", "soap12", "json", "httprpc"];

    /// <summary>The built-in protocol named <paramref name="name"/> over <paramref name="description"/>, or null when none has that name.</summary>
    /// <param name="name">A protocol name of <see cref="Names"/>.</param>
    /// <param name="description">The description the protocol reads and writes.</param>
    /// <param name="options">The limits (depth, namespaces) it applies to what it reads.</param>
    public static IRpcProtocol? Create(string name, RpcDescription description, RpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        var index = Names.ToList().IndexOf(name);
        // The built-in protocols take nothing from DI, so no service provider is needed to create them.
        return index < 0 ? null : RpcProtocolRegistration.BuiltIn.ElementAt(index).Create(null!, description, options);
    }
}
