namespace SoapMiddleware.Model;

/// <summary>
/// The <see cref="ArrayShape"/> of a custom collection (a <c>[CollectionDataContract]</c> class): items are buffered in
/// a T[] as for arrays, then added to a new <typeparamref name="TCollection"/>.
/// </summary>
internal sealed class CollectionShape<TCollection, T> : ArrayShape
    where TCollection : ICollection<T>, new()
{
    public override object CreateBuffer(int count) => count == 0 ? Array.Empty<T>() : new T[count];

    public override void Set(object buffer, int index, object? item) => ((T[])buffer)[index] = (T)item!;

    public override object Complete(object buffer)
    {
        var collection = new TCollection();
        foreach (var item in (T[])buffer)
        {
            collection.Add(item);
        }

        return collection;
    }
}
