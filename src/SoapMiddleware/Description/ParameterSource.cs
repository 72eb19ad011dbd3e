namespace SoapMiddleware.Description;

/// <summary>Where a method parameter's value comes from: a wire argument or the call itself.</summary>
internal readonly record struct ParameterSource(ParameterSourceKind Kind, int WireIndex)
{
    public static ParameterSource Wire(int index) => new(ParameterSourceKind.Wire, index);
}
