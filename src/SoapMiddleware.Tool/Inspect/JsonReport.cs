using System.Text.Json;
using SoapMiddleware.Client.Wsdl;

namespace SoapMiddleware.Tool.Inspect;

/// <summary>
/// Prints a description as JSON: <c>{"services":[{"name","ports":[{"name","binding","soapVersion","address",
/// "operations":[{"name","style","use","soapAction","input":[{"name","type"}],"output","headers","faults"}]}]}],
/// "prefixes":{...},"warnings":[...]}</c>. Types are prefixed names (<c>xsd:int</c>, <c>ns0:Order</c>) resolved by "prefixes".
/// </summary>
internal static class JsonReport
{
    public static void Write(DescriptionReport report, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("location", report.Description.Location.ToString());
            json.WriteStartArray("services");
            foreach (var service in report.Description.Services)
            {
                json.WriteStartObject();
                json.WriteString("name", service.Name);
                json.WriteStartArray("ports");
                foreach (var port in service.Ports)
                {
                    WritePort(json, report, port);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("prefixes");
            foreach (var (prefix, ns) in report.Prefixes.All)
            {
                json.WriteString(prefix, ns);
            }

            json.WriteEndObject();
            json.WriteStartArray("warnings");
            foreach (var warning in report.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("message", warning.Message);
                json.WriteString("document", warning.Document.ToString());
                json.WriteNumber("line", warning.Line);
                json.WriteNumber("column", warning.Column);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WritePort(Utf8JsonWriter json, DescriptionReport report, WsdlPort port)
    {
        json.WriteStartObject();
        json.WriteString("name", port.Name);
        json.WriteString("binding", report.Prefixes.Name(port.Binding));
        json.WriteString("protocol", port.Protocol.ToString());
        json.WriteString("soapVersion", port.Protocol switch { WsdlBindingProtocol.Soap11 => "1.1", WsdlBindingProtocol.Soap12 => "1.2", _ => null });
        json.WriteString("address", port.Address);
        json.WriteStartArray("operations");
        foreach (var operation in report.Operations[port])
        {
            json.WriteStartObject();
            json.WriteString("name", operation.Operation.Name);
            json.WriteString("style", operation.Operation.Style == OperationStyle.Rpc ? "rpc" : "document");
            json.WriteString("use", operation.Operation.Input?.Use == BodyUse.Encoded ? "encoded" : "literal");
            json.WriteString("soapAction", operation.Operation.SoapAction);
            json.WriteBoolean("wrapped", operation.Operation.IsWrapped);
            WriteParameters(json, "input", operation.Input);
            WriteParameters(json, "output", operation.Output);
            WriteParameters(json, "headers", operation.InputHeaders);
            json.WriteStartArray("faults");
            foreach (var fault in operation.Faults)
            {
                json.WriteStartObject();
                json.WriteString("name", fault.Name);
                json.WriteString("detail", fault.Type);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter json, string name, IReadOnlyList<Parameter> parameters)
    {
        json.WriteStartArray(name);
        foreach (var parameter in parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            json.WriteString("type", parameter.Type);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
