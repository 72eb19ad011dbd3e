namespace SoapMiddleware.MessagePack.Tests.Service;

/// <summary>The typed detail of Divide's division-by-zero fault.</summary>
public sealed record DivisionFault(int Dividend);
