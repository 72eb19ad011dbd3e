using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using MessagePack;

namespace SoapMiddleware.MessagePack;

/// <summary>
/// The two places where a well-formed MessagePack header can declare what no .NET value holds, checked before
/// MessagePack-CSharp reads them: a 32-bit length of 2 GB or more (the library casts it to a negative <c>int</c> and
/// throws ArgumentOutOfRangeException), and a timestamp outside <see cref="DateTime"/>'s years 1 to 9999 (the library
/// throws from <c>DateTime.AddSeconds</c>). Both are the caller's mistake, so each is a Client fault that says which.
/// </summary>
internal static class MessagePackBounds
{
    private const long MinSeconds = -62_135_596_800;   // 0001-01-01T00:00:00Z from the Unix epoch
    private const long MaxSeconds = 253_402_300_799;   // 9999-12-31T23:59:59Z
    private const uint NanosecondsPerSecond = 1_000_000_000;

    /// <summary>
    /// A Client fault when the next value is a str 32, bin 32 or ext 32 whose length is more than the request holds
    /// after it; nothing when it is another type. Shorter forms cannot claim more than 4 GB and fail as truncated.
    /// </summary>
    public static void CheckLength(ref MessagePackReader reader)
    {
        var what = reader.NextCode switch
        {
            MessagePackCode.Str32 => "a string",
            MessagePackCode.Bin32 => "binary data",
            MessagePackCode.Ext32 => "an extension",
            _ => null,
        };
        if (what is null)
        {
            return;
        }

        var peek = reader.CreatePeekReader();
        Span<byte> header = stackalloc byte[5];
        peek.ReadRaw(header.Length).CopyTo(header);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        var rest = reader.Sequence.Length - reader.Consumed - header.Length;
        if (length > rest)
        {
            throw RpcFault.Client(
                $"The request is not valid MessagePack: it declares {what} of {length.ToString(CultureInfo.InvariantCulture)} bytes, but {Math.Max(rest, 0).ToString(CultureInfo.InvariantCulture)} bytes follow (at byte {reader.Consumed.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    /// <summary>
    /// The timestamp extension's body (32, 64 or 96 bits, as the MessagePack spec defines them) as a UTC
    /// <see cref="DateTime"/>; a Client fault when it has another length, nanoseconds of a second or more, or seconds
    /// outside years 1 to 9999.
    /// </summary>
    public static DateTime ReadTimestamp(ref MessagePackReader reader, ExtensionHeader header, long at)
    {
        if (header.Length is not (4 or 8 or 12))
        {
            throw Refused($"a timestamp of {header.Length.ToString(CultureInfo.InvariantCulture)} bytes; the timestamp extension has 4, 8 or 12", at);
        }

        Span<byte> body = stackalloc byte[12];
        body = body[..(int)header.Length];
        reader.ReadRaw(header.Length).CopyTo(body);
        long seconds;
        uint nanoseconds;
        switch (body.Length)
        {
            case 4:
                seconds = BinaryPrimitives.ReadUInt32BigEndian(body);
                nanoseconds = 0;
                break;
            case 8:
                var packed = BinaryPrimitives.ReadUInt64BigEndian(body);
                nanoseconds = (uint)(packed >> 34);
                seconds = (long)(packed & 0x3_FFFF_FFFFUL);
                break;
            default:
                nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(body);
                seconds = BinaryPrimitives.ReadInt64BigEndian(body[4..]);
                break;
        }

        if (nanoseconds >= NanosecondsPerSecond)
        {
            throw Refused($"a timestamp with {nanoseconds.ToString(CultureInfo.InvariantCulture)} nanoseconds; they must be below 1000000000", at);
        }

        if (seconds is < MinSeconds or > MaxSeconds)
        {
            throw RpcFault.Client($"The request holds a timestamp {seconds.ToString(CultureInfo.InvariantCulture)} seconds from 1970, outside the years 1 to 9999 that a date holds (at byte {at.ToString(CultureInfo.InvariantCulture)}).");
        }

        return new DateTime(DateTime.UnixEpoch.Ticks + (seconds * TimeSpan.TicksPerSecond) + (nanoseconds / 100), DateTimeKind.Utc);
    }

    private static RpcFault Refused(string what, long at)
        => RpcFault.Client($"The request is not valid MessagePack: {what} (at byte {at.ToString(CultureInfo.InvariantCulture)}).");
}
