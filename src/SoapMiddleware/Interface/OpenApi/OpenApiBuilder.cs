using System.Buffers;
using System.Text.Json;
using SoapMiddleware.Description;
using SoapMiddleware.Model;

namespace SoapMiddleware.Interface.OpenApi;

/// <summary>
/// Builds an application's OpenAPI 3.0.3 document (JSON) from the same type model the WSDL comes from, listing exactly
/// the HTTP endpoints mapped with a protocol other than SOAP: per operation <c>POST {prefix}/{Operation}</c> where the
/// path names the operation (request body = the request message as an object, 200 = the response message, 400/404/500
/// = the fault), <c>POST {prefix}</c> where the body names it, and <c>GET {prefix}/{Operation}</c> with query
/// parameters for HTTP RPC (operations whose arguments are all primitives). Request bodies carry the media types of the
/// endpoint's in protocols, responses those of its out protocols (a SOAP out protocol's response is an XML string).
/// Complex types, enums and arrays are <c>components/schemas</c>; <see cref="OpenApiSchemaWriter"/> writes DataAnnotations
/// as JSON-schema keywords.
/// </summary>
internal static class OpenApiBuilder
{
    public static byte[] Build(RpcDescription description, RpcOptions options, IReadOnlyList<RpcMappedEndpoint> endpoints)
    {
        var operations = description.Operations.OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
        var calls = Plan(endpoints, operations);
        var described = operations.Where(o => calls.Any(c => c.Operation is null || c.Operation == o)).ToList();
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var schemas = new OpenApiSchemaWriter(writer);
            writer.WriteStartObject();
            writer.WriteString("openapi", "3.0.3");
            writer.WriteStartObject("info");
            writer.WriteString("title", description.Name);
            writer.WriteString("version", "1.0");
            var protocols = calls.SelectMany(c => c.In).Distinct().Select(p => p.Name).DefaultIfEmpty("no protocol yet");
            writer.WriteString("description", $"RPC operations of namespace {description.Namespace}, over {string.Join(", ", protocols)}.");
            writer.WriteEndObject();
            if (!string.IsNullOrEmpty(options.PublicBaseUrl))
            {
                writer.WriteStartArray("servers");
                writer.WriteStartObject();
                writer.WriteString("url", options.PublicBaseUrl.TrimEnd('/'));
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteStartObject("paths");
            var operationIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in calls.GroupBy(c => c.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject(path.Key);
                foreach (var call in path)
                {
                    writer.WriteStartObject(call.Method.ToLowerInvariant());
                    if (call.Operation is null)
                    {
                        WriteEnvelopeCall(writer, call, described, UniqueId(operationIds, "call"));
                    }
                    else
                    {
                        WriteOperationCall(writer, call, call.Operation, schemas, UniqueId(operationIds, OperationId(call, call.Operation)));
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("components");
            writer.WriteStartObject("schemas");
            foreach (var operation in described)
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
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The calls each endpoint serves, in mapping order: per operation where the path names it (one per HTTP method its
    /// protocols use; HTTP RPC only for operations it can carry), one call naming the operation in the body otherwise.
    /// A path and method mapped twice is listed once, as routing serves the first.
    /// </summary>
    private static List<OpenApiCall> Plan(IReadOnlyList<RpcMappedEndpoint> endpoints, List<RpcOperation> operations)
    {
        var calls = new List<OpenApiCall>();
        var seen = new HashSet<(string, string)>();
        foreach (var endpoint in endpoints)
        {
            var readers = endpoint.Protocols.In.Where(p => !p.HttpBinding.HasServiceDocument)
                .GroupBy(p => (p.HttpBinding.Method.ToUpperInvariant(), p.HttpBinding.ReadsQueryString))
                .Select(g => g.ToList())
                .ToList();
            foreach (var group in readers)
            {
                var binding = group[0].HttpBinding;
                if (!endpoint.OperationInPath)
                {
                    // Only a body can name the operation: a query-string protocol needs the path to.
                    if (!binding.ReadsQueryString && seen.Add((endpoint.Pattern, binding.Method.ToUpperInvariant())))
                    {
                        calls.Add(new OpenApiCall(endpoint.Pattern, binding.Method.ToUpperInvariant(), null, group, endpoint.Protocols.Out));
                    }

                    continue;
                }

                foreach (var operation in operations)
                {
                    var path = endpoint.PathOf(operation);
                    if ((!binding.ReadsQueryString || SupportsQueryString(operation)) && seen.Add((path, binding.Method.ToUpperInvariant())))
                    {
                        calls.Add(new OpenApiCall(path, binding.Method.ToUpperInvariant(), operation, group, endpoint.Protocols.Out));
                    }
                }
            }
        }

        return calls;
    }

    private static string OperationId(OpenApiCall call, RpcOperation operation)
        => call.ReadsQueryString ? operation.Name + "_get"
            : call.Method == "POST" ? operation.Name
            : operation.Name + "_" + call.Method.ToLowerInvariant();

    /// <summary>An operation id not used yet: the first <c>Add</c>, then <c>Add_2</c>, ...</summary>
    private static string UniqueId(HashSet<string> used, string id)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = id + "_" + n;
        }

        return candidate;
    }

    public static string RequestSchema(RpcOperation operation) => operation.Name + "Request";

    public static string ResponseSchema(RpcOperation operation) => operation.Name + "Response";

    private static bool SupportsQueryString(RpcOperation operation)
        => operation.Request.Members.All(m => m.Type.Kind is RpcTypeKind.Primitive or RpcTypeKind.Enum
            || (m.Type.Kind == RpcTypeKind.Array && m.Type.ItemType!.Kind is RpcTypeKind.Primitive or RpcTypeKind.Enum));

    private static void WriteOperationCall(Utf8JsonWriter writer, OpenApiCall call, RpcOperation operation, OpenApiSchemaWriter schemas, string operationId)
    {
        writer.WriteString("operationId", operationId);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(operation.Service.Name);
        writer.WriteEndArray();
        if (call.ReadsQueryString)
        {
            writer.WriteString("summary", $"{operation.Name} ({string.Join(", ", call.In.Select(p => p.Name))}: the arguments in the query string).");
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
        }
        else
        {
            writer.WriteString("summary", $"{operation.Name} ({string.Join(", ", call.In.Select(p => p.Name))}: the arguments object).");
            writer.WriteStartObject("requestBody");
            writer.WriteBoolean("required", operation.Request.Members.Any(m => m.MinOccurs > 0));
            WriteContent(writer, RequestMediaTypes(call), () => writer.WriteString("$ref", Ref(RequestSchema(operation))));
            writer.WriteEndObject();
        }

        WriteResponses(writer, call, operation.IsVoid ? "Done (an empty object)." : "The result.", () => writer.WriteString("$ref", Ref(ResponseSchema(operation))));
    }

    private static void WriteEnvelopeCall(Utf8JsonWriter writer, OpenApiCall call, List<RpcOperation> operations, string operationId)
    {
        writer.WriteString("operationId", operationId);
        writer.WriteString("summary", $"Calls the operation the body names ({string.Join(", ", call.In.Select(p => p.Name))}): {{\"Add\": {{\"a\": 1, \"b\": 2}}}}.");
        writer.WriteStartObject("requestBody");
        writer.WriteBoolean("required", true);
        WriteContent(writer, RequestMediaTypes(call), () =>
        {
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
        });
        writer.WriteEndObject();
        WriteResponses(writer, call, "The response message of the operation called.", () =>
        {
            writer.WriteStartArray("oneOf");
            foreach (var operation in operations)
            {
                writer.WriteStartObject();
                writer.WriteString("$ref", Ref(ResponseSchema(operation)));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
    }

    /// <summary>Every media type the call's protocols read (MessagePack's legacy type included).</summary>
    private static List<(string MediaType, bool Xml)> RequestMediaTypes(OpenApiCall call)
        => call.In.SelectMany(p => p.MediaTypes.Select(t => (t, p.HttpBinding.HasServiceDocument))).Distinct().ToList();

    /// <summary>
    /// What a response to this call may be, as the HTTP handler chooses its writer: a reader that is also an out protocol
    /// answers in its own media type; a reader that is not is answered by any out protocol (by <c>Accept</c>, else the first).
    /// </summary>
    private static List<(string MediaType, bool Xml)> ResponseMediaTypes(OpenApiCall call)
        => call.In.SelectMany(reader => call.Out.Contains(reader) ? [reader] : call.Out)
            .Where(p => p.MediaTypes.Count > 0).Select(p => (p.MediaTypes[0], p.HttpBinding.HasServiceDocument)).Distinct().ToList();

    /// <summary>200 with the result, and the faults: 400 (Client), 404 (unknown operation in the path), 500 (Server).</summary>
    private static void WriteResponses(Utf8JsonWriter writer, OpenApiCall call, string description, Action writeSchema)
    {
        var mediaTypes = ResponseMediaTypes(call);
        writer.WriteStartObject("responses");
        writer.WriteStartObject("200");
        writer.WriteString("description", description);
        WriteContent(writer, mediaTypes, writeSchema);
        writer.WriteEndObject();
        WriteFaultResponse(writer, "400", "A Client fault: the request was wrong (not parsable, unknown operation, invalid argument).", mediaTypes);
        if (call.Operation is not null)
        {
            WriteFaultResponse(writer, "404", "A Client fault: the path names no operation.", mediaTypes);
        }

        WriteFaultResponse(writer, "500", "A Server fault: the service failed.", mediaTypes);
        writer.WriteEndObject();
    }

    private static void WriteFaultResponse(Utf8JsonWriter writer, string status, string description, List<(string MediaType, bool Xml)> mediaTypes)
    {
        writer.WriteStartObject(status);
        writer.WriteString("description", description);
        WriteContent(writer, mediaTypes, () => writer.WriteString("$ref", Ref("Fault")));
        writer.WriteEndObject();
    }

    /// <summary>
    /// A <c>content</c> map: each media type with the schema <paramref name="writeSchema"/> writes (the data model, in
    /// whichever encoding the media type names), except SOAP's, whose body is an envelope the WSDL describes.
    /// </summary>
    private static void WriteContent(Utf8JsonWriter writer, List<(string MediaType, bool Xml)> mediaTypes, Action writeSchema)
    {
        writer.WriteStartObject("content");
        foreach (var (mediaType, xml) in mediaTypes)
        {
            writer.WriteStartObject(mediaType);
            writer.WriteStartObject("schema");
            if (xml)
            {
                writer.WriteString("type", "string");
                writer.WriteString("description", "A SOAP envelope holding the message (see the WSDL of a SOAP endpoint of this service).");
            }
            else
            {
                writeSchema();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

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
