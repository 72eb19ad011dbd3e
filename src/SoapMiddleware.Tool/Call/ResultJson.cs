using System.Collections;
using System.Globalization;
using System.Text.Json;
using SoapMiddleware.Description;

namespace SoapMiddleware.Tool.Call;

/// <summary>Writes a dynamic call's result as JSON: records as objects, lists as arrays, binary as base64, dates in ISO 8601.</summary>
internal static class ResultJson
{
    public static string Write(object? value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(json, value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            case System.Xml.Linq.XElement element:
                json.WriteStringValue(element.ToString(System.Xml.Linq.SaveOptions.DisableFormatting));
                break;
            case RpcRecord record:
                json.WriteStartObject();
                foreach (var (name, member) in record)
                {
                    json.WritePropertyName(name);
                    Write(json, member);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Write(json, item);
                }

                json.WriteEndArray();
                break;
            case int or long or short or sbyte or byte or ushort or uint or ulong or decimal or double or float:
                json.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case DateTime dateTime:
                json.WriteStringValue(System.Xml.XmlConvert.ToString(dateTime, System.Xml.XmlDateTimeSerializationMode.RoundtripKind));
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
