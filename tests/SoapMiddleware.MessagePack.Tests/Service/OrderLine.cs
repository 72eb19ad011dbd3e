namespace SoapMiddleware.MessagePack.Tests.Service;

/// <summary>One line of an <see cref="Order"/>.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal Price);
