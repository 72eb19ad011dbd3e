using System.Globalization;
using System.Text;
using SoapMiddleware.Description;
using SoapMiddleware.Protocols;

namespace SoapMiddleware.MessagePack.Tests.Csv;

/// <summary>
/// A protocol written outside src, with public API only, to prove the seam is open: the request is one CSV line, the
/// operation then its arguments (<c>Add,1,2</c>), the response the result as text (<c>3</c>; empty for void), a fault
/// <c>fault,Client,Division by zero.</c>. Primitive arguments only, converted to
/// <see cref="RpcOperation.WireParameters"/>' types. It writes requests too, so code can queue calls in it.
/// </summary>
internal sealed class CsvProtocol(RpcDescription description) : IRpcProtocol, IRpcRequestWriter
{
    public const string MediaType = "text/csv";

    private const string OutContentType = MediaType + "; charset=utf-8";

    // The fields read by CreateInDocument, for Deserialize: the context's per-call items are the public place for them.
    private static readonly object FieldsKey = new();

    public string Name => "csv";

    public IReadOnlyList<string> MediaTypes { get; } = [MediaType];

    /// <summary>Splits the line and finds the operation its first field names.</summary>
    public void CreateInDocument(MethodContext context)
    {
        var line = Encoding.UTF8.GetString(context.InString.Span).TrimEnd('\r', '\n');
        var fields = line.Split(',');
        if (fields[0].Length == 0)
        {
            throw RpcFault.Client("Expected a CSV line naming the operation, such as Add,1,2.");
        }

        context.Operation = description.FindOperation(fields[0]) ?? throw RpcFault.Client($"Unknown operation '{fields[0]}'.");
        context.Items[FieldsKey] = fields[1..];
    }

    /// <summary>Nothing to take apart: a CSV line has no envelope and no header.</summary>
    public void DecomposeIncomingEnvelope(MethodContext context)
    {
    }

    /// <summary>Converts each field to its parameter's type.</summary>
    public void Deserialize(MethodContext context)
    {
        var operation = context.Operation!;
        var fields = (string[])context.Items[FieldsKey]!;
        var parameters = operation.WireParameters;
        if (fields.Length != parameters.Count)
        {
            throw RpcFault.Client($"'{operation.Name}' takes {parameters.Count} arguments ({string.Join(", ", parameters.Select(p => p.Name))}), got {fields.Length}.");
        }

        var values = new object?[parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var type = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            if (type != typeof(string) && !type.IsPrimitive && type != typeof(decimal))
            {
                throw RpcFault.Client($"Argument '{parameters[i].Name}' is a {type.Name}, which one CSV field cannot carry.");
            }

            try
            {
                values[i] = Convert.ChangeType(fields[i], type, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw RpcFault.Client($"Argument '{parameters[i].Name}': '{fields[i]}' is not a valid {type.Name}.");
            }
        }

        context.InObject = values;
    }

    public void Serialize(MethodContext context)
        => Write(context, context.OutObject is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : context.OutObject?.ToString() ?? string.Empty);

    /// <summary><c>fault,{code},{message}</c>; an unexpected exception's text stays on the server.</summary>
    public void SerializeFault(MethodContext context)
    {
        var fault = context.Error as RpcFault ?? RpcFault.Server("Internal Error");
        Write(context, $"fault,{fault.Code},{fault.Message.ReplaceLineEndings(" ")}");
    }

    public void CreateOutString(MethodContext context) => context.OutContentType = OutContentType;

    public (byte[] Payload, string ContentType) WriteRequest(RpcOperation operation, object?[] arguments)
        => (Encoding.UTF8.GetBytes(string.Join(',', arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).Prepend(operation.Name))), MediaType);

    private static void Write(MethodContext context, string text)
    {
        context.OutString = Encoding.UTF8.GetBytes(text);
        context.OutContentType = OutContentType;
    }
}
