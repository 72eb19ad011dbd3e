using System.Reflection;
using System.Runtime.Serialization;

namespace SoapMiddleware.Model;

/// <summary>
/// Reads a <see cref="CollectionDataContractAttribute"/> collection (a class deriving from <c>List&lt;T&gt;</c> or
/// implementing <c>ICollection&lt;T&gt;</c>) the way DataContractSerializer writes it: an array type named
/// <c>Name</c> (by default the class's own name, as for a data contract; only a collection without the attribute is
/// <c>ArrayOf{Item}</c>) whose items are the elements <c>ItemName</c> (default the item type's contract name). Dictionaries (<c>KeyName</c>/<c>ValueName</c>) are refused; its namespace is given by <see cref="TypeNaming"/>, as a data contract's.
/// </summary>
internal static class CollectionDataContractShape
{
    public static CollectionDataContractAttribute? Of(Type type) => type.GetCustomAttribute<CollectionDataContractAttribute>(false);

    /// <summary>The <c>T</c> of the one <c>ICollection&lt;T&gt;</c> the collection implements.</summary>
    public static Type ItemTypeOf(Type type, CollectionDataContractAttribute contract)
    {
        if (contract.IsKeyNameSetExplicitly || contract.IsValueNameSetExplicitly)
        {
            throw TypeFactory.Unsupported(type, "[CollectionDataContract(KeyName/ValueName)] describes a dictionary, and dictionaries are not supported; use a list of key/value records");
        }

        if (contract is { IsNameSetExplicitly: true, Name: { } placeholder } && placeholder.Contains('{', StringComparison.Ordinal))
        {
            throw TypeFactory.Unsupported(type, $"[CollectionDataContract(Name = \"{contract.Name}\")] uses generic name placeholders, which the type model does not expand; give the collection a plain name");
        }

        var collections = type.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>))
            .ToList();
        if (collections.Count != 1 || type.IsAbstract || type.IsInterface || type.GetConstructor(Type.EmptyTypes) is null)
        {
            throw TypeFactory.Unsupported(type, "a [CollectionDataContract] must be a concrete class with a public parameterless constructor that implements ICollection<T> once (derive from List<T>)");
        }

        return collections[0].GetGenericArguments()[0];
    }

    /// <summary>The schema name: <c>Name</c>, else <paramref name="defaultName"/> (the class's name).</summary>
    public static string NameOf(CollectionDataContractAttribute contract, string defaultName)
        => contract is { IsNameSetExplicitly: true, Name: { Length: > 0 } name } ? name : defaultName;

    /// <summary>The item element's name: <c>ItemName</c>, else the item type's contract name.</summary>
    public static string ItemNameOf(CollectionDataContractAttribute contract, RpcType item)
        => contract is { IsItemNameSetExplicitly: true, ItemName: { Length: > 0 } itemName } ? itemName : item.ItemName;
}
