using System.Reflection;
using SoapMiddleware.Queue.Storage;

namespace SoapMiddleware.Queue.Tests.Storage;

/// <summary>
/// The storage contract stays split by use, as Hangfire splits its storage: no interface a storage implements grows past
/// 12 members, and an optional argument is one member, not a forwarding overload every storage repeats.
/// </summary>
public sealed class StorageContractShapeTests
{
    private const int MostMembers = 12;

    [Fact]
    public void StorageInterfaces_HaveAtMostTwelveMembersEach()
    {
        var interfaces = typeof(IQueueStorage).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(IQueueStorage).Namespace)
            .ToList();

        Assert.Contains(typeof(ITaskQueue), interfaces);
        Assert.All(interfaces, type =>
        {
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m is PropertyInfo || (m is MethodInfo method && !method.IsSpecialName))
                .Select(m => m.Name)
                .ToList();
            Assert.True(members.Count <= MostMembers, $"{type.Name} has {members.Count} members: {string.Join(", ", members)}");
        });
    }

    [Fact]
    public void TaskQueue_FetchAsync_IsOneMethod_WithTheLimitsOptional()
    {
        var fetch = Assert.Single(typeof(ITaskQueue).GetMethods(), m => m.Name == nameof(ITaskQueue.FetchAsync));

        var concurrency = Assert.Single(fetch.GetParameters(), p => p.Name == "concurrency");
        Assert.True(concurrency.IsOptional);
    }
}
