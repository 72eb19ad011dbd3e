namespace SoapMiddleware.Model;

/// <summary>
/// The compiled delegates of one complex type: a factory taking every member's value in member order
/// (constructor parameters and settable properties alike) and one getter per member.
/// </summary>
internal sealed class ComplexAccessor(Func<object?[], object> create, Func<object, object?>[] getters)
{
    /// <summary>Marks a member whose element was absent: the factory keeps the property initializer or the parameter default.</summary>
    public static readonly object Missing = new();

    public Func<object?[], object> Create { get; } = create;

    /// <summary>One getter per member, parallel to <see cref="RpcType.Members"/>.</summary>
    public Func<object, object?>[] Getters { get; } = getters;
}
