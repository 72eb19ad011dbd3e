namespace SoapMiddleware.Model;

/// <summary>
/// A read error on its way up to the top-level element. Each level prepends its segment while unwinding,
/// so the happy path never builds a path: it costs nothing until something is wrong.
/// </summary>
internal sealed class ModelReadException(string rule) : Exception(rule)
{
    private readonly List<string> _segments = [];

    public string Rule { get; } = rule;

    public static ModelReadException At(string segment, string rule) => new ModelReadException(rule).Prepend(EchoedText.Cap(segment));

    public ModelReadException Prepend(string segment)
    {
        _segments.Add(segment);
        return this;
    }

    /// <summary>The client fault: <c>Element 'GetOrder/lines': value 0 is outside the range 1..1000 (Range).</c></summary>
    public RpcFault ToFault(string root)
    {
        var path = new List<string>(_segments.Count + 1) { root };
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            path.Add(_segments[i]);
        }

        return new RpcFault(RpcFaultCode.Client, $"Element '{string.Join('/', path)}': {Rule}");
    }
}
