using System.Xml.Linq;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Schema;
using SoapMiddleware.Description;
using SoapMiddleware.Description.Schema;

namespace SoapMiddleware.Client.Dynamic;

/// <summary>
/// Maps one WSDL operation to a <see cref="SchemaOperation"/>. Document style: a message whose one part's element is a
/// record (the wrapper: named after the operation, or its response) has that element as wrapper and its members as
/// parts (wrapped); any other message is bare, its parts the body's elements. RPC style: a wrapper named after the
/// operation (its response) in the <c>soap:body</c> namespace, one unqualified element per part.
/// </summary>
internal sealed class OperationMapper(SchemaTypeMapper types, string targetNamespace)
{
    public SchemaOperation? Map(WsdlOperation operation)
    {
        if (operation.Input is null)
        {
            types.Warnings.Add($"The operation '{operation.Name}' has no input (a notification); it cannot be called.");
            return null;
        }

        var (requestElement, requestParts) = Message(operation, operation.Input, operation.Name);
        var (responseElement, responseParts) = operation.Output is { } output ? Message(operation, output, operation.Name + "Response") : (null, []);
        return new SchemaOperation(operation.Name)
        {
            Action = operation.SoapAction ?? "",
            RequestElement = requestElement,
            RequestParts = requestParts,
            ResponseElement = responseElement,
            ResponseParts = responseParts,
            RequestHeaders = Headers(operation, operation.Input),
            ResponseHeaders = operation.Output is { } response ? Headers(operation, response) : [],
            Faults = [.. operation.Faults.Select(Fault).OfType<SchemaFault>()],
            Style = operation.Style == OperationStyle.Rpc ? RpcBindingStyle.Rpc : RpcBindingStyle.Document,
            Use = operation.Input.Use == BodyUse.Encoded ? RpcBodyUse.Encoded : RpcBodyUse.Literal,
            IsOneWay = operation.Output is null,
        };
    }

    private (XName? Wrapper, IReadOnlyList<SchemaMember> Parts) Message(WsdlOperation operation, WsdlMessage message, string rpcWrapper)
    {
        if (operation.Style == OperationStyle.Rpc)
        {
            var ns = XNamespace.Get(message.Namespace ?? targetNamespace);
            return (ns + rpcWrapper, [.. message.Body.Select(p => new SchemaMember(XName.Get(p.Name), PartType(p, operation)) { IsOptional = true, IsNillable = true })]);
        }

        if (message.Body is [{ Element: { } element }] && operation.IsWrapped
            && types.Schemas.Elements.TryGetValue(element, out var declaration)
            && types.TypeOf(declaration, operation.Name) is { Kind: SchemaTypeKind.Complex } wrapper
            && wrapper.Members.All(m => !m.IsAttribute))
        {
            return (XName.Get(element.Name, element.Namespace), wrapper.Members);
        }

        return (null, [.. message.Body.Select(p => Bare(p, operation))]);
    }

    // A header is optional unless the binding marks it wsdl:required: many WSDLs declare headers their servers do without.
    private List<SchemaMember> Headers(WsdlOperation operation, WsdlMessage message)
    {
        var headers = new List<SchemaMember>();
        foreach (var part in message.Headers)
        {
            var name = part.Element is { } element ? XName.Get(element.Name, element.Namespace) : XName.Get(part.Name);
            if (part.Element is null)
            {
                types.Warnings.Add($"The header part '{part.Name}' of '{operation.Name}' names a type; it is sent as an unqualified element '{part.Name}'.");
            }

            if (headers.All(h => h.Name != name))
            {
                var declaration = part.Element is { } global ? types.Schemas.Elements.GetValueOrDefault(global) : null;
                headers.Add(new SchemaMember(name, PartType(part, operation)) { IsOptional = !part.IsRequired, IsNillable = declaration?.IsNillable == true });
            }
        }

        return headers;
    }

    private SchemaMember Bare(WsdlPart part, WsdlOperation operation)
    {
        if (part.Element is { } element)
        {
            var declaration = types.Schemas.Elements.GetValueOrDefault(element);
            return new SchemaMember(XName.Get(element.Name, element.Namespace), declaration is null ? PartType(part, operation) : types.TypeOf(declaration, operation.Name))
            {
                IsNillable = declaration?.IsNillable == true,
            };
        }

        types.Warnings.Add($"The part '{part.Name}' of '{operation.Name}' names a type in document style; it is sent as an unqualified element '{part.Name}'.");
        return new SchemaMember(XName.Get(part.Name), PartType(part, operation));
    }

    private SchemaType PartType(WsdlPart part, WsdlOperation operation)
    {
        if (part.Type is { } type)
        {
            return types.TypeOf(type);
        }

        return part.Element is { } element && types.Schemas.Elements.TryGetValue(element, out var declaration)
            ? types.TypeOf(declaration, operation.Name)
            : types.TypeOf(part.Element ?? Wsdl.Schema.XsdNames.AnyType);
    }

    private SchemaFault? Fault(WsdlFault fault)
    {
        if (fault.Detail?.Element is not { } element || !types.Schemas.Elements.TryGetValue(element, out var declaration))
        {
            return null; // an untyped fault still reads, with its raw detail
        }

        return new SchemaFault(fault.Name, XName.Get(element.Name, element.Namespace), types.TypeOf(declaration, fault.Name));
    }
}
