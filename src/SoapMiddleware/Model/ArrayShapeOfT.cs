namespace SoapMiddleware.Model;

/// <summary>The typed <see cref="ArrayShape"/>; items are unboxed into a T[] so value types are stored unboxed.</summary>
internal sealed class ArrayShape<T>(bool asList) : ArrayShape
{
    public override object CreateBuffer(int count) => count == 0 ? Array.Empty<T>() : new T[count];

    public override void Set(object buffer, int index, object? item) => ((T[])buffer)[index] = (T)item!;

    public override object Complete(object buffer) => asList ? new List<T>((T[])buffer) : buffer;
}
