namespace SoapMiddleware;

/// <summary>
/// Which protocols an endpoint reads and writes, by name (Spyne's <c>in_protocol</c> and <c>out_protocol</c>):
/// <c>p =&gt; p.In("soap11", "soap12", "msgpack").Out("soap11", "soap12", "msgpack")</c>. A request is read by the first
/// in protocol that takes its method and content type; the response is written by the same protocol when it is also
/// an out protocol, else by the out protocol the <c>Accept</c> header names, else by the first out protocol.
/// </summary>
public sealed class RpcProtocolSelection
{
    internal List<string> InNames { get; } = [];

    internal List<string> OutNames { get; } = [];

    /// <summary>The protocols requests may arrive in (names: <c>soap11</c>, <c>soap12</c>, <c>json</c>, <c>httprpc</c>, or an added protocol's).</summary>
    public RpcProtocolSelection In(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        InNames.AddRange(names);
        return this;
    }

    /// <summary>The protocols responses may be written in; the in protocols when none are named.</summary>
    public RpcProtocolSelection Out(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        OutNames.AddRange(names);
        return this;
    }
}
