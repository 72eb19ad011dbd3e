namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>Marks a test class whose inherited <see cref="StorageFactAttribute"/> tests need PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
