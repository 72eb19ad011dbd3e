using Xunit.Sdk;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>
/// A contract test, declared once in <see cref="QueueStorageContractTests"/>; skipped (with the reason) in classes
/// marked <see cref="RequiresPostgreSqlAttribute"/> when no PostgreSQL server is configured.
/// </summary>
[XunitTestCaseDiscoverer("SoapMiddleware.Queue.Tests.Storage.StorageFactDiscoverer", "SoapMiddleware.Queue.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;
