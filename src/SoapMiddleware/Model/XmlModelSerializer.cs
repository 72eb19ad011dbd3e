using System.Xml.Linq;
using SoapMiddleware.Xml;

namespace SoapMiddleware.Model;

/// <summary>
/// Reads and writes values of the type model as XML, with delegates compiled once per type.
/// Read errors become Client faults that name the element path and the rule; write errors
/// (a cycle, a null in a non-nullable member) are <see cref="InvalidOperationException"/>s, a server bug.
/// </summary>
internal sealed class XmlModelSerializer
{
    private readonly XmlModelReader _reader;
    private readonly XmlModelStreamReader _streamReader;
    private readonly XmlModelWriter _writer;

    public XmlModelSerializer(TypeModel model)
    {
        Model = model;
        _reader = new XmlModelReader(model);
        _streamReader = new XmlModelStreamReader(model);
        _writer = new XmlModelWriter(model);
    }

    public TypeModel Model { get; }

    /// <summary>
    /// Reads a wrapper element's parts; a validation error is a Client <see cref="RpcFault"/> naming the element and the
    /// rule, or, with <paramref name="argumentsNull"/>, a missing or null member in the words of an object of arguments
    /// (<see cref="ModelReadException.ToFault(string, string?)"/>).
    /// </summary>
    public object?[] ReadMessage(XElement wrapper, RpcMessage message, string? argumentsNull = null)
    {
        ArgumentNullException.ThrowIfNull(wrapper);
        var members = message.Members;
        var values = members.Count == 0 ? [] : new object?[members.Count];
        try
        {
            _reader.ReadMembers(wrapper, members, values, 0);
        }
        catch (ModelReadException ex)
        {
            throw ex.ToFault(wrapper.Name.LocalName, argumentsNull);
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                values[i] = members[i].AbsentValue;
            }
        }

        return values;
    }

    /// <summary>
    /// Reads the parts of the wrapper element <paramref name="reader"/> is on, straight from the reader, with the rules
    /// and messages of <see cref="ReadMessage(XElement, RpcMessage, string?)"/>. Returns or throws with the reader on the
    /// wrapper's end, so the caller can go on checking the rest of the document; only a failure of the reader itself
    /// (<see cref="XmlPullReader.Failed"/>) leaves it elsewhere.
    /// </summary>
    public object?[] ReadMessage(XmlPullReader reader, RpcMessage message)
    {
        var wrapperName = reader.LocalName;
        var depth = reader.Depth;
        var members = message.Members;
        var values = members.Count == 0 ? [] : new object?[members.Count];
        try
        {
            _streamReader.ReadMembers(reader, members, values, 0);
        }
        catch (Exception ex) when (!reader.Failed)
        {
            reader.FinishElement(depth);
            if (ex is ModelReadException read)
            {
                throw read.ToFault(wrapperName);
            }

            throw;
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (ReferenceEquals(values[i], ComplexAccessor.Missing))
            {
                values[i] = members[i].AbsentValue;
            }
        }

        return values;
    }

    public XElement WriteMessage(RpcMessage message, object?[] values)
    {
        var sink = new XElementSink();
        WriteMessage(sink, message, values);
        return sink.Root!;
    }

    /// <summary>Writes a wrapper element and its parts into <paramref name="sink"/>.</summary>
    public void WriteMessage(XmlSink sink, RpcMessage message, object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var members = message.Members;
        if (values.Length != members.Count)
        {
            throw new ArgumentException($"Message '{message.ElementName}' has {members.Count} parts but {values.Length} values were given.", nameof(values));
        }

        var name = (message.Namespace ?? Model.Namespace) + message.ElementName;
        sink.StartElement(name);
        for (var i = 0; i < members.Count; i++)
        {
            _writer.WriteMember(sink, message.ElementName, members[i], values[i], 0);
        }

        sink.EndElement(name);
    }

    /// <summary>Reads a standalone element (a header, a fault detail); <c>xsi:nil</c> reads as null.</summary>
    public object? ReadValue(XElement element, RpcType type)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (XmlNames.IsNil(element))
        {
            return null;
        }

        try
        {
            return _reader.ReadValue(element, type, null, 0);
        }
        catch (ModelReadException ex)
        {
            throw ex.ToFault(element.Name.LocalName);
        }
    }

    /// <summary>Writes a standalone element; null is written as <c>xsi:nil="true"</c>.</summary>
    public XElement WriteValue(XName name, RpcType type, object? value)
    {
        var sink = new XElementSink();
        WriteValue(sink, name, type, value);
        return sink.Root!;
    }

    /// <summary>Writes a standalone element into <paramref name="sink"/>; null is written as <c>xsi:nil="true"</c>.</summary>
    public void WriteValue(XmlSink sink, XName name, RpcType type, object? value)
    {
        if (value is null)
        {
            XmlModelWriter.WriteNil(sink, name);
        }
        else
        {
            _writer.WriteElement(sink, name, type, value, 0);
        }
    }
}
