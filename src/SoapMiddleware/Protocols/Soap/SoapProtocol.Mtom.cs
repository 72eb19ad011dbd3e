using SoapMiddleware.Description;
using SoapMiddleware.Protocols.Mtom;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Protocols.Soap;

/// <summary>
/// MTOM/XOP on both sides. The server reads an MTOM request's envelope with its parts beside it (the transport set
/// <see cref="MethodContext.Mtom"/>) and writes binary values as parts when it says so; the
/// client writes and reads the same messages.
/// </summary>
internal sealed partial class SoapProtocol : IRpcMtomProtocol
{
    /// <inheritdoc />
    public HttpContent WriteMtomRequest(RpcOperation operation, object?[] arguments, IReadOnlyList<object> headers)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(headers);
        var parts = new XopCollector();
        var root = Save(RequestEnvelope(operation, arguments, headers, parts));
        return new MtomContent(new MtomWriter(version.ContentType), root, parts.Parts);
    }

    /// <inheritdoc />
    public async Task<object?> ReadMtomResponseAsync(RpcOperation operation, Stream body, string contentType, int maxEnvelopeBytes, Func<ReadOnlyMemory<byte>, Task>? envelopeRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(body);
        if (!RpcMtom.IsMtom(contentType))
        {
            throw new RpcMtomException(400, $"The response's content type '{EchoedText.Cap(contentType)}' is not MTOM.");
        }

        using var package = await MultipartRelatedReader.ReadAsync(body, MultipartContentType.Parse(contentType)!, options.Mtom, maxEnvelopeBytes, cancellationToken).ConfigureAwait(false);
        if (envelopeRead is not null)
        {
            await envelopeRead(package.Root).ConfigureAwait(false);
        }

        XopPackage.Current = package;
        try
        {
            return ReadResponse(operation, package.Root);
        }
        catch (RpcFault fault)
        {
            throw new RpcMtomException(400, fault.Message);
        }
        finally
        {
            XopPackage.Current = null;
        }
    }

    /// <summary>The sink of the response: <paramref name="sink"/> itself, or for an MTOM response one that puts binary values into parts the transport writes.</summary>
    private static XmlSink Mtom(XmlSink sink, MethodContext context)
        => context.Mtom is { Respond: true } mtom ? new XopSink(sink, mtom.Out = new XopCollector()) : sink;

    /// <summary>The arguments from the tree; an <c>xop:Include</c> in it resolves against the request's parts.</summary>
    private void ReadArgumentsFromTree(MethodContext context)
    {
        XopPackage.Current = context.Mtom?.In;
        try
        {
            ReadArguments(context, context.InBodyDocument!, context.InHeaderDocument);
        }
        finally
        {
            XopPackage.Current = null;
        }
    }
}
