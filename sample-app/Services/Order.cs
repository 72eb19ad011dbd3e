namespace SampleApp.Services;

/// <summary>An order of the reference service.</summary>
public sealed record Order(int Id, string Customer, DateTime CreatedAt, OrderLine[] Lines);
