using System.Xml.Linq;
using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Soap;

namespace SoapMiddleware.Interface.Wsdl;

/// <summary>
/// Writes a WSDL 1.1 document (document/literal wrapped, WS-I Basic Profile shaped) with the XSD embedded,
/// from the same descriptions the pipeline dispatches on (Spyne's <c>build_interface_document</c>).
/// Each service gets one port type, a binding per SOAP version the endpoint serves, and a <c>wsdl:service</c> with a
/// port per binding: a client reading the WSDL of a SOAP 1.2-only endpoint finds nothing it would be refused.
/// </summary>
internal static class WsdlBuilder
{
    public static readonly XNamespace Wsdl = "http://schemas.xmlsoap.org/wsdl/";
    public static readonly XNamespace Soap11 = "http://schemas.xmlsoap.org/wsdl/soap/";
    public static readonly XNamespace Soap12 = "http://schemas.xmlsoap.org/wsdl/soap12/";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private const string HttpTransport = "http://schemas.xmlsoap.org/soap/http";

    /// <summary>
    /// Builds the schemas, the target namespace's first (served at <c>?xsd</c>); all of them go into the WSDL. A model
    /// whose types share the target namespace has one.
    /// </summary>
    public static IReadOnlyList<XElement> BuildSchemas(RpcDescription description)
    {
        XNamespace tns = description.Namespace;
        var operations = description.Services.SelectMany(s => s.Operations).ToList();
        var messages = operations.SelectMany(o => new[] { o.Request, o.Response });
        var extras = operations.SelectMany(o => o.Headers.Select(h => (h.Element, h.Type))
                .Concat(o.FaultDetails.Select(f => (FaultElement(description, f), f))))
            .DistinctBy(e => e.Item1);
        return XsdSchemaBuilder.Build(description.Model, messages, extras);
    }

    /// <summary>
    /// Builds the WSDL with a binding and a port for each of <paramref name="versions"/> (SOAP 1.1 first);
    /// <paramref name="address"/> goes into every <c>soap:address</c>.
    /// </summary>
    public static XDocument Build(RpcDescription description, IEnumerable<XElement> schemas, string address, IReadOnlyCollection<SoapVersion> versions)
    {
        XNamespace tns = description.Namespace;
        var bindings = new List<(XNamespace Soap, string Suffix)>(2);
        if (versions.Contains(SoapVersion.Soap11))
        {
            bindings.Add((Soap11, "Soap11"));
        }

        if (versions.Contains(SoapVersion.Soap12))
        {
            bindings.Add((Soap12, "Soap12"));
        }

        var definitions = new XElement(
            Wsdl + "definitions",
            new XAttribute("name", description.Name),
            new XAttribute("targetNamespace", description.Namespace),
            new XAttribute(XNamespace.Xmlns + "wsdl", Wsdl.NamespaceName),
            bindings.Select(b => new XAttribute(XNamespace.Xmlns + (b.Soap == Soap11 ? "soap" : "soap12"), b.Soap.NamespaceName)),
            new XAttribute(XNamespace.Xmlns + "xs", Xs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "tns", description.Namespace),
            new XElement(Wsdl + "types", schemas));

        var operations = description.Services.SelectMany(s => s.Operations).ToList();
        foreach (var operation in operations)
        {
            definitions.Add(Message(operation.Name + "SoapIn", "parameters", tns + operation.Request.ElementName, tns));
            definitions.Add(Message(operation.Name + "SoapOut", "parameters", tns + operation.Response.ElementName, tns));
        }

        foreach (var header in operations.SelectMany(o => o.Headers).DistinctBy(h => h.Element))
        {
            definitions.Add(Message(header.Element.LocalName + "Header", header.Element.LocalName, header.Element, tns));
        }

        foreach (var fault in operations.SelectMany(o => o.FaultDetails).Distinct())
        {
            definitions.Add(Message(fault.ItemName + "Fault", "detail", FaultElement(description, fault), tns));
        }

        foreach (var service in description.Services)
        {
            definitions.Add(PortType(service, tns));
            definitions.Add(bindings.Select(b => Binding(service, tns, b.Soap, b.Suffix)));
        }

        foreach (var service in description.Services)
        {
            definitions.Add(new XElement(
                Wsdl + "service",
                new XAttribute("name", service.Name),
                bindings.Select(b => Port(service, tns, b.Soap, b.Suffix, address))));
        }

        return new XDocument(definitions);
    }

    // An element of another namespace (a fault detail named in its data contract's) gets a prefix on the part.
    private static XElement Message(string name, string part, XName element, XNamespace tns)
        => new(Wsdl + "message", new XAttribute("name", name),
            new XElement(Wsdl + "part", new XAttribute("name", part),
                element.Namespace == tns ? null : new XAttribute(XNamespace.Xmlns + "q", element.NamespaceName),
                new XAttribute("element", (element.Namespace == tns ? "tns:" : "q:") + element.LocalName)));

    /// <summary>A fault detail's element: named after its type, in the type's namespace, as WCF writes it.</summary>
    private static XName FaultElement(RpcDescription description, Model.RpcType detail)
        => XmlNames.ElementNamespaceOf(detail, description.Namespace) + detail.ItemName;

    private static XElement PortType(RpcServiceDescription service, XNamespace tns)
        => new(Wsdl + "portType", new XAttribute("name", service.PortTypeName),
            service.Operations.Select(o => new XElement(
                Wsdl + "operation",
                new XAttribute("name", o.Name),
                new XElement(Wsdl + "input", new XAttribute("message", "tns:" + o.Name + "SoapIn")),
                o.IsOneWay ? null : new XElement(Wsdl + "output", new XAttribute("message", "tns:" + o.Name + "SoapOut")),
                o.FaultDetails.Select(f => new XElement(Wsdl + "fault", new XAttribute("name", f.ItemName + "Fault"), new XAttribute("message", "tns:" + f.ItemName + "Fault"))))));

    private static XElement Binding(RpcServiceDescription service, XNamespace tns, XNamespace soap, string suffix)
        => new(Wsdl + "binding",
            new XAttribute("name", Names(service, suffix).Binding),
            new XAttribute("type", "tns:" + service.PortTypeName),
            new XElement(soap + "binding", new XAttribute("transport", HttpTransport), new XAttribute("style", "document")),
            service.Operations.Select(o => new XElement(
                Wsdl + "operation",
                new XAttribute("name", o.Name),
                new XElement(soap + "operation", new XAttribute("soapAction", o.Action), new XAttribute("style", "document")),
                new XElement(Wsdl + "input", Headers(o, soap, h => h.IsIn), new XElement(soap + "body", new XAttribute("use", "literal"))),
                o.IsOneWay ? null : new XElement(Wsdl + "output", Headers(o, soap, h => h.IsOut), new XElement(soap + "body", new XAttribute("use", "literal"))),
                o.FaultDetails.Select(f => new XElement(
                    Wsdl + "fault",
                    new XAttribute("name", f.ItemName + "Fault"),
                    new XElement(soap + "fault", new XAttribute("name", f.ItemName + "Fault"), new XAttribute("use", "literal")))))));

    private static IEnumerable<XElement> Headers(RpcOperation operation, XNamespace soap, Func<OperationHeader, bool> direction)
        => operation.Headers.Where(direction).Select(h => new XElement(
            soap + "header",
            new XAttribute("message", "tns:" + h.Element.LocalName + "Header"),
            new XAttribute("part", h.Element.LocalName),
            new XAttribute("use", "literal")));

    private static XElement Port(RpcServiceDescription service, XNamespace tns, XNamespace soap, string suffix, string address)
        => new(Wsdl + "port",
            new XAttribute("name", Names(service, suffix).Port),
            new XAttribute("binding", "tns:" + Names(service, suffix).Binding),
            new XElement(soap + "address", new XAttribute("location", address)));

    private static (string Binding, string Port) Names(RpcServiceDescription service, string suffix)
        => (suffix == "Soap11" ? service.Soap11Names : service.Soap12Names) ?? (service.Name + suffix + "Binding", service.Name + suffix);

}
