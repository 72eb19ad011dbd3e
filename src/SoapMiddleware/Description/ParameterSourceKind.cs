namespace SoapMiddleware.Description;

/// <summary>The kinds of <see cref="ParameterSource"/>.</summary>
internal enum ParameterSourceKind
{
    Wire,
    CancellationToken,
    MethodContext,

    /// <summary>The operation's request contract message, built from its body parts and headers.</summary>
    ContractMessage,
}
