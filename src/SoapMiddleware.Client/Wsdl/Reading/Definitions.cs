using System.Xml;
using System.Xml.Linq;

namespace SoapMiddleware.Client.Wsdl.Reading;

/// <summary>The WSDL definitions of every document read, by qualified name, before they are joined into ports.</summary>
internal sealed class Definitions
{
    public Dictionary<XmlQualifiedName, IReadOnlyList<WsdlPart>> Messages { get; } = [];

    /// <summary>Where each message is written, for warnings about its parts.</summary>
    public Dictionary<XmlQualifiedName, (Uri Document, XElement Element)> MessageLocations { get; } = [];

    public Dictionary<XmlQualifiedName, IReadOnlyList<PortTypeOperation>> PortTypes { get; } = [];

    public Dictionary<XmlQualifiedName, BindingDefinition> Bindings { get; } = [];

    public List<ServiceDefinition> Services { get; } = [];
}
