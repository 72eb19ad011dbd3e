namespace SoapMiddleware.Model;

/// <summary>
/// A read error on its way up to the top-level element. Each level prepends its segment while unwinding,
/// so the happy path never builds a path: it costs nothing until something is wrong.
/// </summary>
internal sealed class ModelReadException(string rule, ModelReadProblem problem = ModelReadProblem.Other) : Exception(rule)
{
    private readonly List<string> _segments = [];

    public string Rule { get; } = rule;

    /// <summary>Which error this is, for the formats that word the common ones their own way.</summary>
    public ModelReadProblem Problem { get; } = problem;

    public static ModelReadException At(string segment, string rule) => new ModelReadException(rule).Prepend(EchoedText.Cap(segment));

    /// <summary>A null (<c>xsi:nil</c>) where the member or item is not nillable; the caller's level adds the segment.</summary>
    public static ModelReadException Nil() => new("xsi:nil is not allowed here (nillable=false).", ModelReadProblem.Nil);

    /// <summary>A required element left out.</summary>
    public static ModelReadException MissingElement(string name)
        => new ModelReadException("the required element is missing (minOccurs=1).", ModelReadProblem.Missing).Prepend(EchoedText.Cap(name));

    public ModelReadException Prepend(string segment)
    {
        _segments.Add(segment);
        return this;
    }

    /// <summary>
    /// The client fault: <c>Element 'GetOrder/lines': value 0 is outside the range 1..1000 (Range).</c> With
    /// <paramref name="argumentsNull"/> (the format's null: <c>null</c> in JSON, <c>nil</c> in MessagePack), a missing
    /// member or a null one is said in the terms of an object of arguments, its path below <paramref name="root"/>:
    /// <c>'b' is required.</c>, <c>null is not allowed for 'a'.</c>
    /// </summary>
    public RpcFault ToFault(string root, string? argumentsNull = null)
    {
        if (argumentsNull is not null && Problem != ModelReadProblem.Other && _segments.Count > 0)
        {
            var member = string.Join('/', Enumerable.Reverse(_segments));
            return new RpcFault(RpcFaultCode.Client, Problem == ModelReadProblem.Missing
                ? $"'{member}' is required."
                : $"{argumentsNull} is not allowed for '{member}'.");
        }

        var path = new List<string>(_segments.Count + 1) { root };
        for (var i = _segments.Count - 1; i >= 0; i--)
        {
            path.Add(_segments[i]);
        }

        return new RpcFault(RpcFaultCode.Client, $"Element '{string.Join('/', path)}': {Rule}");
    }
}
