namespace SoapMiddleware.Model;

/// <summary>
/// The compiled delegates of one complex type: a factory taking every member's value in member order
/// (constructor parameters and settable properties alike), one getter per member, and for members holding an integer
/// or a decimal a writer that formats the value into the UTF-8 response without boxing it.
/// </summary>
internal sealed class ComplexAccessor(Func<object?[], object> create, Func<object, object?>[] getters, Action<object, Xml.Utf8XmlSink, System.Xml.Linq.XName>?[] numberWriters)
{
    /// <summary>Marks a member whose element was absent: the factory keeps the property initializer or the parameter default.</summary>
    public static readonly object Missing = new();

    public Func<object?[], object> Create { get; } = create;

    /// <summary>One getter per member, parallel to <see cref="RpcType.Members"/>.</summary>
    public Func<object, object?>[] Getters { get; } = getters;

    /// <summary>Parallel to <see cref="Getters"/>: the unboxed number writer of a non-nullable integer or decimal member, else null.</summary>
    public Action<object, Xml.Utf8XmlSink, System.Xml.Linq.XName>?[] NumberWriters { get; } = numberWriters;
}
