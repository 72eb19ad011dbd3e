using System.Reflection;
using System.Xml;
using SoapMiddleware.Model;

namespace SoapMiddleware.Description.Schema;

/// <summary>Turns a <see cref="SchemaOperation"/> into the <see cref="RpcOperation"/> the protocols read.</summary>
internal static class SchemaOperationFactory
{
    /// <summary>What <see cref="RpcOperation.Method"/> is for an operation with no method behind it.</summary>
    internal static readonly MethodInfo Placeholder = typeof(SchemaOperationFactory).GetMethod(nameof(NoMethod), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static RpcOperation Create(RpcServiceDescription service, SchemaOperation operation, Func<SchemaMember, RpcMember> member)
        => new(service, Placeholder, operation.Name, operation.Action)
        {
            Schema = operation,
            Style = operation.Style,
            Use = operation.Use,
            IsOneWay = operation.IsOneWay,
            VoidResult = operation.ResponseParts.Count == 0,
            Request = Message(operation.RequestElement, operation.RequestParts, member),
            Response = Message(operation.ResponseElement, operation.ResponseParts, member),
            FaultDetails = [.. operation.Faults.Select(Detail)],
            Headers =
            [
                .. operation.RequestHeaders.Select(h => new OperationHeader(h.Name, h.Type.Rpc, RpcHeaderDirection.In, !h.IsOptional)),
                .. operation.ResponseHeaders.Select(h => new OperationHeader(h.Name, h.Type.Rpc, RpcHeaderDirection.Out, Required: false)),
            ],
        };

    private static RpcMessage Message(System.Xml.Linq.XName? wrapper, IReadOnlyList<SchemaMember> parts, Func<SchemaMember, RpcMember> member)
        => new(wrapper?.LocalName ?? "Body", [.. parts.Select(member)]) { Namespace = wrapper?.Namespace, IsBare = wrapper is null };

    // The fault reader finds a detail's type by its element's name: the detail element's, not the type's.
    private static RpcType Detail(SchemaFault fault)
    {
        var type = fault.Type.Rpc;
        return new RpcType(type.ClrType, type.Kind, new XmlQualifiedName(fault.Element.LocalName, fault.Element.NamespaceName), fault.Element.LocalName)
        {
            Members = type.Members,
            HasAttributeMembers = type.HasAttributeMembers,
            Accessor = type.Accessor,
            ItemType = type.ItemType,
            Codec = type.Codec,
            Shape = type.Shape,
            ItemNillable = type.ItemNillable,
            ItemElementName = type.ItemElementName,
            EnumNames = type.EnumNames,
        };
    }

    private static void NoMethod() => throw new NotSupportedException("An operation built from a schema has no method behind it; a server cannot serve it.");
}
