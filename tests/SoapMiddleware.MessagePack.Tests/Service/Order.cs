namespace SoapMiddleware.MessagePack.Tests.Service;

/// <summary>A complex result with a nested array, a date and decimals.</summary>
public sealed record Order(int Id, string Customer, DateTime CreatedAt, OrderLine[] Lines);
