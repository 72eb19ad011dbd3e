using System.Buffers;
using System.Text.Json;
using SoapMiddleware.Description;
using SoapMiddleware.Model;

namespace SoapMiddleware.Interface.OpenApi;

/// <summary>
/// Builds an application's OpenAPI 3.0.3 document (JSON) from the same type model the WSDL comes from: per operation
/// <c>POST {json prefix}/{Operation}</c> (request body = the request message as an object, 200 = the response message,
/// 400/500 = the fault), <c>POST {json prefix}</c> (an object naming the operation), and
/// <c>GET {http prefix}/{Operation}</c> with query parameters for operations whose arguments are all primitives.
/// Complex types, enums and arrays are <c>components/schemas</c>; <see cref="OpenApiSchemaWriter"/> writes DataAnnotations
/// as JSON-schema keywords.
/// </summary>
internal static class OpenApiBuilder
{
    private const string Json = "application/json";

    public static byte[] Build(RpcApplication application, IReadOnlyList<string> jsonPrefixes, IReadOnlyList<string> httpPrefixes)
    {
        var operations = application.Operations.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var schemas = new OpenApiSchemaWriter(writer);
            writer.WriteStartObject();
            writer.WriteString("openapi", "3.0.3");
            writer.WriteStartObject("info");
            writer.WriteString("title", application.Name);
            writer.WriteString("version", "1.0");
            writer.WriteString("description", $"RPC operations of namespace {application.Namespace}, as JSON and HTTP RPC (query string).");
            writer.WriteEndObject();
            if (!string.IsNullOrEmpty(application.Options.PublicBaseUrl))
            {
                writer.WriteStartArray("servers");
                writer.WriteStartObject();
                writer.WriteString("url", application.Options.PublicBaseUrl.TrimEnd('/'));
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteStartObject("paths");
            for (var p = 0; p < jsonPrefixes.Count; p++)
            {
                var suffix = p == 0 ? "" : "_" + (p + 1);
                WriteEnvelopePath(writer, jsonPrefixes[p], operations, suffix);
                foreach (var operation in operations)
                {
                    WriteJsonPath(writer, jsonPrefixes[p], operation, suffix);
                }
            }

            for (var p = 0; p < httpPrefixes.Count; p++)
            {
                var suffix = p == 0 ? "_get" : "_get" + (p + 1);
                foreach (var operation in operations.Where(SupportsQueryString))
                {
                    WriteHttpRpcPath(writer, httpPrefixes[p], operation, suffix, schemas);
                }
            }

            writer.WriteEndObject();
            writer.WriteStartObject("components");
            writer.WriteStartObject("schemas");
            foreach (var operation in operations)
            {
                schemas.WriteMessageSchema(RequestSchema(operation), operation.Request);
                schemas.WriteMessageSchema(ResponseSchema(operation), operation.Response);
                foreach (var detail in operation.FaultDetails)
                {
                    schemas.Collect(detail);
                }
            }

            schemas.WriteCollected();
            WriteFaultSchema(writer);
            writer.WriteEndObject();
            writer.WriteStartObject("responses");
            WriteFaultResponse(writer, "ClientFault", "A Client fault: the request was wrong (bad JSON, unknown operation, invalid argument).");
            WriteFaultResponse(writer, "ServerFault", "A Server fault: the service failed.");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string RequestSchema(RpcOperation operation) => operation.Name + "Request";

    public static string ResponseSchema(RpcOperation operation) => operation.Name + "Response";

    private static bool SupportsQueryString(RpcOperation operation)
        => operation.Request.Members.All(m => m.Type.Kind is RpcTypeKind.Primitive or RpcTypeKind.Enum
            || (m.Type.Kind == RpcTypeKind.Array && m.Type.ItemType!.Kind is RpcTypeKind.Primitive or RpcTypeKind.Enum));

    private static void WriteJsonPath(Utf8JsonWriter writer, string prefix, RpcOperation operation, string suffix)
    {
        writer.WriteStartObject(prefix + "/" + operation.Name);
        writer.WriteStartObject("post");
        WriteOperationHeader(writer, operation, operation.Name + suffix, "JSON: the arguments object.");
        writer.WriteStartObject("requestBody");
        writer.WriteBoolean("required", operation.Request.Members.Any(m => m.MinOccurs > 0));
        WriteContent(writer, RequestSchema(operation));
        writer.WriteEndObject();
        WriteResponses(writer, operation);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteHttpRpcPath(Utf8JsonWriter writer, string prefix, RpcOperation operation, string suffix, OpenApiSchemaWriter schemas)
    {
        writer.WriteStartObject(prefix + "/" + operation.Name);
        writer.WriteStartObject("get");
        WriteOperationHeader(writer, operation, operation.Name + suffix, "HTTP RPC: the arguments in the query string.");
        writer.WriteStartArray("parameters");
        foreach (var member in operation.Request.Members)
        {
            writer.WriteStartObject();
            writer.WriteString("name", member.Name);
            writer.WriteString("in", "query");
            writer.WriteBoolean("required", member.MinOccurs > 0);
            if (member.Type.Kind == RpcTypeKind.Array)
            {
                writer.WriteString("style", "form");
                writer.WriteBoolean("explode", true);
            }

            writer.WritePropertyName("schema");
            schemas.WriteMemberSchema(member);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteResponses(writer, operation);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteEnvelopePath(Utf8JsonWriter writer, string prefix, List<RpcOperation> operations, string suffix)
    {
        writer.WriteStartObject(prefix);
        writer.WriteStartObject("post");
        writer.WriteString("operationId", "call" + suffix);
        writer.WriteString("summary", "Calls the operation the body names: {\"Add\": {\"a\": 1, \"b\": 2}}.");
        writer.WriteStartObject("requestBody");
        writer.WriteBoolean("required", true);
        writer.WriteStartObject("content");
        writer.WriteStartObject(Json);
        writer.WriteStartObject("schema");
        writer.WriteString("type", "object");
        writer.WriteNumber("minProperties", 1);
        writer.WriteNumber("maxProperties", 1);
        writer.WriteStartObject("properties");
        foreach (var operation in operations)
        {
            writer.WriteStartObject(operation.Name);
            writer.WriteString("$ref", Ref(RequestSchema(operation)));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("responses");
        writer.WriteStartObject("200");
        writer.WriteString("description", "The response message of the operation called.");
        writer.WriteStartObject("content");
        writer.WriteStartObject(Json);
        writer.WriteStartObject("schema");
        writer.WriteStartArray("oneOf");
        foreach (var operation in operations)
        {
            writer.WriteStartObject();
            writer.WriteString("$ref", Ref(ResponseSchema(operation)));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        WriteFaultResponseRefs(writer);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteOperationHeader(Utf8JsonWriter writer, RpcOperation operation, string operationId, string summary)
    {
        writer.WriteString("operationId", operationId);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(operation.Service.Name);
        writer.WriteEndArray();
        writer.WriteString("summary", $"{operation.Name} ({summary})");
    }

    private static void WriteResponses(Utf8JsonWriter writer, RpcOperation operation)
    {
        writer.WriteStartObject("responses");
        writer.WriteStartObject("200");
        writer.WriteString("description", operation.IsVoid ? "Done (an empty object)." : "The result.");
        WriteContent(writer, ResponseSchema(operation));
        writer.WriteEndObject();
        WriteFaultResponseRefs(writer);
        writer.WriteEndObject();
    }

    private static void WriteFaultResponseRefs(Utf8JsonWriter writer)
    {
        foreach (var (status, name) in new[] { ("400", "ClientFault"), ("404", "ClientFault"), ("500", "ServerFault") })
        {
            writer.WriteStartObject(status);
            writer.WriteString("$ref", "#/components/responses/" + name);
            writer.WriteEndObject();
        }
    }

    private static void WriteContent(Utf8JsonWriter writer, string schema)
    {
        writer.WriteStartObject("content");
        writer.WriteStartObject(Json);
        writer.WriteStartObject("schema");
        writer.WriteString("$ref", Ref(schema));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteFaultResponse(Utf8JsonWriter writer, string name, string description)
    {
        writer.WriteStartObject(name);
        writer.WriteString("description", description);
        WriteContent(writer, "Fault");
        writer.WriteEndObject();
    }

    private static void WriteFaultSchema(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("Fault");
        writer.WriteString("type", "object");
        writer.WriteStartArray("required");
        writer.WriteStringValue("fault");
        writer.WriteEndArray();
        writer.WriteStartObject("properties");
        writer.WriteStartObject("fault");
        writer.WriteString("type", "object");
        writer.WriteStartArray("required");
        writer.WriteStringValue("code");
        writer.WriteStringValue("message");
        writer.WriteEndArray();
        writer.WriteStartObject("properties");
        writer.WriteStartObject("code");
        writer.WriteString("type", "string");
        writer.WriteStartArray("enum");
        foreach (var code in Enum.GetNames<RpcFaultCode>())
        {
            writer.WriteStringValue(code);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("message");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteStartObject("subcode");
        writer.WriteString("type", "string");
        writer.WriteEndObject();
        writer.WriteStartObject("detail");
        writer.WriteString("type", "object");
        writer.WriteString("description", "The typed detail of the fault (one of the operation's declared fault detail types, such as a schema in components), or the exception details in development.");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    internal static string Ref(string schema) => "#/components/schemas/" + schema;
}
