using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// What the contract lets stand where a value of the request stands, as far as <see cref="MessagePackJsonReader"/>
/// needs it to avoid translating what the argument reader will refuse anyway: whether an array or a map can be there at
/// all, and what a key or an item of it expects. <see cref="Any"/> (the default) knows nothing and forbids nothing;
/// it is what a polymorphic type, whose known types a hint chooses, gets.
/// </summary>
/// <remarks>
/// It answers only what <see cref="JsonArgumentReader"/> decides from the shape alone and in document order: an
/// array or map where a primitive, an enum, an object or a map of arguments belongs is its fault, and so is a key that
/// names no member (<see cref="JsonArgumentReader.Find"/>) or no operation. Values, occurrences and constraints are
/// not looked at.
/// </remarks>
internal readonly struct MessagePackShape
{
    private readonly Func<string, RpcOperation?>? _operations;
    private readonly IReadOnlyList<RpcMember>? _members;
    private readonly RpcType? _type;

    private MessagePackShape(Func<string, RpcOperation?>? operations, IReadOnlyList<RpcMember>? members, RpcType? type)
    {
        _operations = operations;
        _members = members;
        _type = type;
    }

    /// <summary>No expectation: anything may stand here.</summary>
    public static MessagePackShape Any => default;

    /// <summary>A map whose one key names the operation and whose value is its arguments (a request routed by its body).</summary>
    public static MessagePackShape Routing(Func<string, RpcOperation?> operations) => new(operations, null, null);

    /// <summary>The map of an operation's arguments.</summary>
    public static MessagePackShape Arguments(RpcMessage message) => new(null, message.Members, null);

    /// <summary>True when an array standing here is refused whatever it holds.</summary>
    public bool ForbidsArray => _operations is not null || _members is not null || _type is { Kind: not RpcTypeKind.Array };

    /// <summary>True when a map standing here is refused whatever it holds.</summary>
    public bool ForbidsMap => _type is not null;

    /// <summary>True when keys are looked up (a map of arguments, members or the operation).</summary>
    public bool HasKeys => _operations is not null || _members is not null;

    /// <summary>What the value of the key <paramref name="name"/> expects; false when the key names nothing, which the reader refuses.</summary>
    public bool TryGetKey(string name, out MessagePackShape value)
    {
        value = Any;
        if (_operations is not null)
        {
            if (_operations(name) is not { } operation)
            {
                return false;
            }

            value = Arguments(operation.Request);
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

    /// <summary>What an item of this array expects.</summary>
    public MessagePackShape Item => _type is { Kind: RpcTypeKind.Array, ItemType: { } item } ? Of(item) : Any;

    private static MessagePackShape Of(RpcType type) => type.Kind switch
    {
        RpcTypeKind.Complex => type.IsPolymorphic ? Any : new(null, type.Members, null),
        _ => new(null, null, type),
    };
}
