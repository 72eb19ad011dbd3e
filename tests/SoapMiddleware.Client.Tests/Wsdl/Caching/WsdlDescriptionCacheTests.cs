using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Caching;

namespace SoapMiddleware.Client.Tests.Wsdl.Caching;

/// <summary>The description cache in memory and on disk: hits, misses on a changed document, bounds, and what it skips.</summary>
public sealed class WsdlDescriptionCacheTests : IDisposable
{
    private readonly CacheFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Service(string operation, string import = "") => Infrastructure.Wsdl.Definitions($"""
        {import}
        <wsdl:message name="In"><wsdl:part name="a" type="xs:int"/></wsdl:message>
        <wsdl:portType name="P"><wsdl:operation name="{operation}"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
        <wsdl:binding name="B" type="tns:P"><soap:binding style="rpc"/><wsdl:operation name="{operation}"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
        <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"><soap:address location="http://host/s"/></wsdl:port></wsdl:service>
        """);

    private static Task<WsdlDescription> ImportAsync(Uri location, WsdlDescriptionCache? cache) =>
        new WsdlImporter(new WsdlImportOptions { Cache = cache }).ImportAsync(location);

    private static string OperationOf(WsdlDescription description) => description.Services.Single().Ports.Single().Operations.Single().Name;

    [Fact]
    public async Task Memory_SameDocument_SameDescriptionWithoutParsing()
    {
        var main = _folder.Write("s.wsdl", Service("Add"));
        var cache = new WsdlDescriptionCache();

        var first = await ImportAsync(main, cache);
        var second = await ImportAsync(main, cache);

        Assert.Same(first, second);
        Assert.Equal(1, cache.MemoryCount);
        Assert.NotSame(first, await ImportAsync(main, cache: null));
    }

    [Fact]
    public async Task Memory_ChangedMainDocument_IsAMiss()
    {
        var main = _folder.Write("s.wsdl", Service("Add"));
        var cache = new WsdlDescriptionCache();
        Assert.Equal("Add", OperationOf(await ImportAsync(main, cache)));

        _folder.Write("s.wsdl", Service("Subtract"));

        Assert.Equal("Subtract", OperationOf(await ImportAsync(main, cache)));
    }

    [Fact]
    public async Task Memory_ChangedImport_IsAMiss()
    {
        const string Schema = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"><xs:simpleType name="{0}"><xs:restriction base="xs:string"/></xs:simpleType></xs:schema>""";
        _folder.Write("t.xsd", Schema.Replace("{0}", "Code", StringComparison.Ordinal));
        var main = _folder.Write("s.wsdl", Service("Add", """<wsdl:types><xs:schema targetNamespace="urn:test"><xs:import namespace="urn:t" schemaLocation="t.xsd"/></xs:schema></wsdl:types>"""));
        var cache = new WsdlDescriptionCache();
        var first = await ImportAsync(main, cache);
        Assert.Contains(first.Schemas.Types.Keys, n => n.Name == "Code");

        _folder.Write("t.xsd", Schema.Replace("{0}", "Sku", StringComparison.Ordinal));
        var second = await ImportAsync(main, cache);

        Assert.NotSame(first, second);
        Assert.Contains(second.Schemas.Types.Keys, n => n.Name == "Sku");
    }

    [Fact]
    public async Task Memory_BoundedByEntryCount_LeastRecentlyUsedDropped()
    {
        var cache = new WsdlDescriptionCache(new WsdlCacheOptions { MaxMemoryEntries = 2 });
        var a = await ImportAsync(_folder.Write("a.wsdl", Service("A")), cache);
        await ImportAsync(_folder.Write("b.wsdl", Service("B")), cache);
        Assert.Same(a, await ImportAsync(a.Location, cache));

        await ImportAsync(_folder.Write("c.wsdl", Service("C")), cache);

        Assert.Equal(2, cache.MemoryCount);
        Assert.Same(a, await ImportAsync(a.Location, cache));
    }

    [Fact]
    public async Task Disk_EntryWrittenOwnerOnly_ReadByANewCache()
    {
        var main = _folder.Write("s.wsdl", Service("Add"));
        var writer = _folder.NewCache();
        var first = await ImportAsync(main, writer);

        var folder = writer.UserDirectory!;
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".wsdlc", file, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder.Root));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        var reader = _folder.NewCache();
        var second = await ImportAsync(main, reader);

        Assert.NotSame(first, second);
        Assert.Equal(1, reader.MemoryCount);
        Assert.Equal(InspectJson.Of(first), InspectJson.Of(second));
        Assert.Empty(_folder.Log.Entries);
    }

    [Fact]
    public async Task Disk_CorruptEntry_SkippedLoggedAndReplaced()
    {
        var main = _folder.Write("s.wsdl", Service("Add"));
        var writer = _folder.NewCache();
        await ImportAsync(main, writer);
        var file = Directory.GetFiles(writer.UserDirectory!).Single();
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var description = await ImportAsync(main, _folder.NewCache());

        Assert.Equal("Add", OperationOf(description));
        Assert.Contains(_folder.Log.Entries, e => e.EventId == 7103 && e.Message.Contains("checksum", StringComparison.Ordinal));
        // The damaged file was one of ours (our header): the new entry replaced it, and it reads again.
        Assert.NotEqual(bytes, File.ReadAllBytes(file));
        await ImportAsync(main, _folder.NewCache());
        Assert.Single(_folder.Log.Entries);
    }

    [Fact]
    public async Task Disk_ForeignFileAtTheEntrysName_SkippedLoggedNeverReplaced()
    {
        var main = _folder.Write("s.wsdl", Service("Add"));
        var writer = _folder.NewCache();
        await ImportAsync(main, writer);
        var file = Directory.GetFiles(writer.UserDirectory!).Single();
        File.WriteAllText(file, "not ours");

        var description = await ImportAsync(main, _folder.NewCache());

        Assert.Equal("Add", OperationOf(description));
        Assert.Contains(_folder.Log.Entries, e => e.EventId == 7103 && e.Message.Contains("SOAPMWDC", StringComparison.Ordinal));
        Assert.Equal("not ours", File.ReadAllText(file));
        Assert.Single(Directory.GetFiles(writer.UserDirectory!));
    }

    [Fact]
    public async Task Disk_FolderThatCannotBeCreated_MemoryOnlyLoggedImportSucceeds()
    {
        var main = _folder.Write("s.wsdl", Service("Add"));
        var blocker = _folder.Write("file-not-folder", "x");
        var cache = new WsdlDescriptionCache(new WsdlCacheOptions { Directory = Path.Combine(blocker.LocalPath, "cache") }, _folder.Log);

        var first = await ImportAsync(main, cache);

        Assert.Equal("Add", OperationOf(first));
        Assert.Null(cache.UserDirectory);
        Assert.Contains(_folder.Log.Entries, e => e.EventId == 7101);
        Assert.Same(first, await ImportAsync(main, cache));
    }

    [Fact]
    public async Task Disk_OnlyOnceAsked_DefaultIsMemoryOnly()
    {
        Assert.Same(WsdlDescriptionCache.Shared, new WsdlImportOptions().Cache);
        Assert.Null(WsdlDescriptionCache.Shared.UserDirectory);
        Assert.EndsWith("soapmw", WsdlCacheOptions.DefaultDirectory, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
