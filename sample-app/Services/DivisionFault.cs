namespace SampleApp.Services;

/// <summary>The detail of Divide's division-by-zero fault.</summary>
public sealed record DivisionFault(int Dividend);
