namespace SoapMiddleware.Description;

/// <summary>The kinds of <see cref="ParameterSource"/>.</summary>
internal enum ParameterSourceKind
{
    Wire,
    CancellationToken,
    MethodContext,
}
