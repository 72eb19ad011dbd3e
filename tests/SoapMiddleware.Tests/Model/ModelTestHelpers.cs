using System.Reflection;
using System.Xml.Linq;
using SoapMiddleware.Model;

namespace SoapMiddleware.Tests.Model;

/// <summary>Builds models and messages the way the service description does.</summary>
internal static class ModelTestHelpers
{
    public const string Ns = "urn:test";

    public static readonly XNamespace Tns = Ns;

    public static TypeModel NewModel() => new(Ns);

    public static RpcMessage Request(TypeModel model, string method)
    {
        var info = typeof(SampleService).GetMethod(method) ?? throw new ArgumentException(method);
        var members = new List<RpcMember>();
        foreach (var parameter in info.GetParameters())
        {
            members.Add(model.CreateParameterMember(parameter, parameter.Name!));
        }

        return new RpcMessage(method, members);
    }

    /// <summary>A one-part message around a value of <paramref name="type"/>, like a method result.</summary>
    public static RpcMessage Single(TypeModel model, Type type, bool nullable = false, params Attribute[] constraints)
        => new("Echo", [model.CreateMember("value", type, nullable, required: !nullable, constraints)]);

    public static XElement Parse(string xml) => XElement.Parse(xml);

    public static ParameterInfo Parameter(string method, string name)
        => typeof(SampleService).GetMethod(method)!.GetParameters().Single(p => p.Name == name);
}
