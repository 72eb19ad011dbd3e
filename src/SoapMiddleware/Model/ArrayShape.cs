namespace SoapMiddleware.Model;

/// <summary>
/// Builds the CLR collection of an array type (T[] or List&lt;T&gt;) without reflection per call:
/// the reader fills a typed buffer, then <see cref="Complete"/> returns the declared shape.
/// </summary>
internal abstract class ArrayShape
{
    public static ArrayShape Create(Type itemType, bool asList)
        => (ArrayShape)Activator.CreateInstance(typeof(ArrayShape<>).MakeGenericType(itemType), [asList])!;

    /// <summary>The shape of a custom collection class that has a parameterless constructor and implements ICollection&lt;T&gt;.</summary>
    public static ArrayShape CreateCollection(Type collectionType, Type itemType)
        => (ArrayShape)Activator.CreateInstance(typeof(CollectionShape<,>).MakeGenericType(collectionType, itemType))!;

    /// <summary>A buffer for <paramref name="count"/> items.</summary>
    public abstract object CreateBuffer(int count);

    public abstract void Set(object buffer, int index, object? item);

    /// <summary>The collection to hand to the service: the buffer itself for T[], a List&lt;T&gt; wrapping it otherwise.</summary>
    public abstract object Complete(object buffer);
}
