using System.Collections;
using SoapMiddleware.Description;
using SoapMiddleware.Model;
using SoapMiddleware.Protocols.Json;

namespace SoapMiddleware.Protocols.Objects;

/// <summary>
/// Writes requests, results and faults of a description as objects (Spyne's dict documents), into any
/// <see cref="IObjectWriter"/>: <c>{"Add": {"a": 1, "b": 2}}</c>, <c>{"AddResult": 3}</c>, <c>{"fault": {...}}</c>.
/// The JSON protocol and the MessagePack protocol write with it, so a protocol of your own that reads requests with
/// <see cref="ArgumentObjectReader"/> answers in the same shape.
/// </summary>
/// <remarks>
/// Complex values are objects of their members in schema order; a derived (known) type in place of its declared type
/// has WCF's <c>"__type"</c> hint first, then all its members. Arrays are arrays, null is null. A graph nested deeper
/// than 64 levels (a cycle, most likely) is an <see cref="InvalidOperationException"/>, a Server fault, not a stack overflow.
/// </remarks>
public static class ObjectModelWriter
{
    /// <summary>How deep a value may nest before the writer refuses it as a probable cycle.</summary>
    internal const int MaxDepth = 64;

    /// <summary>
    /// Writes a call as a client sends it to an endpoint without an operation in its path: an object with one pair,
    /// the operation's name and the object of its arguments, <c>{"Add": {"a": 1, "b": 2}}</c>.
    /// </summary>
    /// <typeparam name="TWriter">The format's writer.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="operation">The operation called.</param>
    /// <param name="arguments">The wire arguments, in the order of <see cref="RpcOperation.WireParameters"/>.</param>
    /// <exception cref="ArgumentException">The number of arguments is not the operation's.</exception>
    public static void WriteRequest<TWriter>(ref TWriter writer, RpcOperation operation, object?[] arguments)
        where TWriter : IObjectWriter, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(arguments);
        var count = operation.Request.Members.Count;
        if (arguments.Length != count)
        {
            throw new ArgumentException($"The operation '{operation.Name}' takes {count} arguments, not {arguments.Length}.", nameof(arguments));
        }

        writer.WriteStartObject(1);
        writer.WritePropertyName(operation.Name);
        WriteMessage(ref writer, operation.Request, arguments);
        writer.WriteEndObject();
    }

    /// <summary>Writes a method's result as the object of the response's parts: <c>{"AddResult": 3}</c>; an empty object for a void operation.</summary>
    /// <typeparam name="TWriter">The format's writer.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="operation">The operation that returned it.</param>
    /// <param name="result">The method's result (<see cref="MethodContext.OutObject"/>).</param>
    public static void WriteResult<TWriter>(ref TWriter writer, RpcOperation operation, object? result)
        where TWriter : IObjectWriter, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(operation);
        WriteMessage(ref writer, operation.Response, operation.ResponseValues(result));
    }

    /// <summary>
    /// Writes a fault as <c>{"fault": {"code": "Client", "message": "...", "subcode": "...", "detail": {...}}}</c>.
    /// <c>subcode</c> and <c>detail</c> appear only when set; the detail is the typed detail of an
    /// <see cref="RpcFault{TDetail}"/>, or, only with <see cref="RpcOptions.IncludeExceptionDetails"/>, the unhandled
    /// exception's type, message and stack trace.
    /// </summary>
    /// <typeparam name="TWriter">The format's writer.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="description">The description whose type model writes a typed detail.</param>
    /// <param name="options">The options (<see cref="RpcOptions.IncludeExceptionDetails"/>).</param>
    /// <param name="fault">The fault.</param>
    /// <param name="error">The exception the fault stands for (<see cref="MethodContext.Error"/>), or the fault itself.</param>
    public static void WriteFault<TWriter>(ref TWriter writer, RpcDescription description, RpcOptions options, RpcFault fault, Exception? error)
        where TWriter : IObjectWriter, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fault);
        var exception = error is RpcFault ? error.InnerException : error;
        var withDetail = fault.DetailType is not null || (options.IncludeExceptionDetails && exception is not null);
        writer.WriteStartObject(1);
        writer.WritePropertyName("fault");
        writer.WriteStartObject(2 + (fault.Subcode is null ? 0 : 1) + (withDetail ? 1 : 0));
        writer.WritePropertyName("code");
        writer.WriteString(fault.Code.ToString());
        writer.WritePropertyName("message");
        writer.WriteString(fault.Message);
        if (fault.Subcode is not null)
        {
            writer.WritePropertyName("subcode");
            writer.WriteString(fault.Subcode);
        }

        if (fault.DetailType is { } detailType)
        {
            writer.WritePropertyName("detail");
            WriteValue(ref writer, description.Model.GetType(detailType), fault.Detail, 0);
        }
        else if (withDetail)
        {
            writer.WritePropertyName("detail");
            writer.WriteStartObject(3);
            writer.WritePropertyName("type");
            writer.WriteString(exception!.GetType().FullName ?? exception.GetType().Name);
            writer.WritePropertyName("message");
            writer.WriteString(exception.Message);
            writer.WritePropertyName("stackTrace");
            writer.WriteString(exception.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Writes a message's parts as one object: <c>{"AddResult": 3}</c>; an empty object when it has none.</summary>
    internal static void WriteMessage<TWriter>(ref TWriter writer, RpcMessage message, object?[] values)
        where TWriter : IObjectWriter, allows ref struct
    {
        var members = message.Members;
        writer.WriteStartObject(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            writer.WritePropertyName(members[i].Name);
            WriteValue(ref writer, members[i].Type, values[i], 0);
        }

        writer.WriteEndObject();
    }

    internal static void WriteValue<TWriter>(ref TWriter writer, RpcType type, object? value, int depth)
        where TWriter : IObjectWriter, allows ref struct
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        switch (type.Kind)
        {
            case RpcTypeKind.Complex:
                GuardDepth(type, depth);
                var hinted = type.IsPolymorphic && value.GetType() != type.ClrType;
                if (hinted)
                {
                    // A known derived type: WCF's type hint first, then all its members (the base's first).
                    type = XmlModelWriter.KnownTypeOf(type, value);
                }

                writer.WriteStartObject(type.Members.Count + (hinted ? 1 : 0));
                if (hinted)
                {
                    writer.WritePropertyName(JsonTypeHint.Property);
                    writer.WriteString(JsonTypeHint.Format(type));
                }

                var getters = type.Accessor!.Getters;
                for (var i = 0; i < type.Members.Count; i++)
                {
                    writer.WritePropertyName(type.Members[i].Name);
                    WriteValue(ref writer, type.Members[i].Type, getters[i](value), depth + 1);
                }

                writer.WriteEndObject();
                break;
            case RpcTypeKind.Array:
                GuardDepth(type, depth);

                // The count comes first in some formats: a sequence that is not a list is gathered once.
                var list = value as IList ?? ((IEnumerable)value).Cast<object?>().ToList();
                writer.WriteStartArray(list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    WriteValue(ref writer, type.ItemType!, list[i], depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                WritePrimitive(ref writer, type, value);
                break;
        }
    }

    private static void WritePrimitive<TWriter>(ref TWriter writer, RpcType type, object value)
        where TWriter : IObjectWriter, allows ref struct
    {
        switch (value)
        {
            case string s: writer.WriteString(s); break;
            case bool b: writer.WriteBoolean(b); break;
            case int i: writer.WriteInteger(i); break;
            case long l: writer.WriteInteger(l); break;
            case short s: writer.WriteInteger(s); break;
            case sbyte s: writer.WriteInteger(s); break;
            case byte b: writer.WriteInteger(b); break;
            case ushort u: writer.WriteInteger(u); break;
            case uint u: writer.WriteInteger(u); break;
            case ulong u: writer.WriteInteger(u); break;
            case decimal m when writer.TryWriteNumber(m): break;
            case double d when writer.TryWriteNumber(d): break;
            case float f when writer.TryWriteNumber(f): break;
            case byte[] bytes: writer.WriteBinary(bytes); break;
            case Stream stream: WriteStream(ref writer, stream); break;

            // Dates, times, durations, Guids, enums, and the numbers a format declines: the XSD text, as SOAP writes them.
            default: writer.WriteString(type.Codec!.Format(value)); break;
        }
    }

    // A Stream result is binary like a byte[], read whole (objects have no parts), and the framework's to dispose once
    // written, as ASP.NET Core's file results are.
    private static void WriteStream<TWriter>(ref TWriter writer, Stream stream)
        where TWriter : IObjectWriter, allows ref struct
    {
        using var copy = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(copy);
        }

        writer.WriteBinary(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    private static void GuardDepth(RpcType type, int depth)
    {
        if (depth >= MaxDepth)
        {
            throw new InvalidOperationException(
                $"Cannot write '{type.SchemaName.Name}': the object graph is nested deeper than {MaxDepth} levels; it probably contains a cycle.");
        }
    }
}
