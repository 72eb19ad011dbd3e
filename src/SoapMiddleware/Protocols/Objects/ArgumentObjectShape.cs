using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.Protocols.Objects;

/// <summary>
/// What <see cref="ArgumentObjectReader"/> lets stand where a value of a request stands, for a protocol that translates
/// its format to JSON first (MessagePack does): from the first array or map the reader refuses, or the first key that
/// names nothing, the reader faults at that very place, so the translation may write every array and map from there on
/// empty and only check it is well formed. A body of four million zeros where a string belongs then costs a walk over
/// its bytes, not megabytes of JSON. <see cref="Any"/> (the default) knows nothing and forbids nothing; it is what a
/// polymorphic type, whose known types a hint chooses, gets.
/// </summary>
/// <remarks>
/// It answers only what the reader decides from the shape alone and in document order: an array or map where a
/// primitive, an enum, an object or a map of arguments belongs is its fault, and so is a key that names no member
/// (exact name first, then any case) or no operation. Values, occurrences and constraints are not looked at.
/// </remarks>
public readonly struct ArgumentObjectShape
{
    private readonly RpcDescription? _operations;
    private readonly IReadOnlyList<RpcMember>? _members;
    private readonly RpcType? _type;

    private ArgumentObjectShape(RpcDescription? operations, IReadOnlyList<RpcMember>? members, RpcType? type)
    {
        _operations = operations;
        _members = members;
        _type = type;
    }

    /// <summary>No expectation: anything may stand here.</summary>
    public static ArgumentObjectShape Any => default;

    /// <summary>An object whose one key names an operation of <paramref name="description"/> and whose value is its arguments (a request routed by its body).</summary>
    /// <param name="description">The services whose operations the key may name.</param>
    public static ArgumentObjectShape Routing(RpcDescription description)
        => new(description ?? throw new ArgumentNullException(nameof(description)), null, null);

    /// <summary>The object of <paramref name="operation"/>'s arguments (a request whose operation the transport chose).</summary>
    /// <param name="operation">The operation.</param>
    public static ArgumentObjectShape Arguments(RpcOperation operation)
        => new(null, (operation ?? throw new ArgumentNullException(nameof(operation))).Request.Members, null);

    /// <summary>True when an array standing here is refused whatever it holds.</summary>
    public bool ForbidsArray => _operations is not null || _members is not null || _type is { Kind: not RpcTypeKind.Array };

    /// <summary>True when an object (a map) standing here is refused whatever it holds.</summary>
    public bool ForbidsObject => _type is not null;

    /// <summary>True when keys are looked up (an object of arguments, of members, or naming the operation).</summary>
    public bool HasKeys => _operations is not null || _members is not null;

    /// <summary>What the value of the key <paramref name="name"/> expects; false when the key names nothing, which the reader refuses.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">What its value expects; <see cref="Any"/> when the answer is false.</param>
    public bool TryGetKey(string name, out ArgumentObjectShape value)
    {
        value = Any;
        if (_operations is not null)
        {
            if (_operations.FindOperation(name) is not { } operation)
            {
                return false;
            }

            value = new(null, operation.Request.Members, null);
            return true;
        }

        if (_members is null)
        {
            return true;
        }

        if (JsonArgumentReader.Find(_members, name) is not { } member)
        {
            return false;
        }

        value = Of(member.Type);
        return true;
    }

    /// <summary>What an item of the array standing here expects.</summary>
    public ArgumentObjectShape Item => _type is { Kind: RpcTypeKind.Array, ItemType: { } item } ? Of(item) : Any;

    private static ArgumentObjectShape Of(RpcType type) => type.Kind switch
    {
        RpcTypeKind.Complex => type.IsPolymorphic ? Any : new(null, type.Members, null),
        _ => new(null, null, type),
    };
}
