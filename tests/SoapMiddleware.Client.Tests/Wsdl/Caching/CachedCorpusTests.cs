using SoapMiddleware.Client.Tests.Corpus;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Client.Wsdl.Caching;
using SoapMiddleware.Client.Wsdl.Reading;

namespace SoapMiddleware.Client.Tests.Wsdl.Caching;

/// <summary>Every WSDL of the corpus read back from the cache's binary form is the description parsed from the XML.</summary>
public sealed class CachedCorpusTests : IDisposable
{
    private readonly CacheFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [CorpusFact]
    public async Task EntryFormat_EveryCorpusFile_SameInspectJsonAndSameBytesWrittenAgain()
    {
        var failures = new List<string>();
        var read = 0;
        foreach (var file in WsdlCorpus.TopLevel())
        {
            WsdlDescription parsed;
            try
            {
                parsed = await WsdlCorpus.ImportAsync(file);
            }
            catch (WsdlImportException)
            {
                continue;
            }

            read++;
            var entry = new CacheEntry("key", [new DocumentFingerprint(parsed.Location, new byte[32])], parsed);
            var bytes = EntryFormat.Write(entry);
            var back = EntryFormat.Read(bytes, "key");
            if (InspectJson.Of(parsed) != InspectJson.Of(back.Description))
            {
                failures.Add($"{file}: inspect JSON differs");
            }
            else if (!bytes.AsSpan().SequenceEqual(EntryFormat.Write(back)))
            {
                failures.Add($"{file}: written again, the bytes differ (a field is lost on the way)");
            }
        }

        Assert.True(read > 150, $"only {read} corpus files read");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [CorpusFact]
    public async Task Importer_BiggestWsdlsThroughTheDiskCache_SameInspectJsonAsParsed()
    {
        foreach (var file in new[] { "wasabi/spec/fixtures/economic.wsdl", "wasabi/spec/fixtures/workday.wsdl" })
        {
            var parsed = await WsdlCorpus.ImportAsync(file);
            await WsdlCorpus.ImportAsync(file, _folder.NewCache());

            var fromDisk = await WsdlCorpus.ImportAsync(file, _folder.NewCache());

            Assert.NotSame(parsed, fromDisk);
            Assert.Equal(InspectJson.Of(parsed), InspectJson.Of(fromDisk));
        }

        Assert.Empty(_folder.Log.Entries);
    }

    [Fact]
    public void Model_EveryPublicProperty_IsOneTheFormatKnows()
    {
        // A property added to the model must be written and read by DescriptionWriter/Reader (and EntryFormat.Version
        // raised), or cached descriptions silently lose it: this list fails first.
        var known = new Dictionary<Type, string>
        {
            [typeof(WsdlDescription)] = "Documents Location Schemas Services TargetNamespace Warnings",
            [typeof(WsdlService)] = "Name Ports",
            [typeof(WsdlPort)] = "Address Binding Name Operations PortType Protocol",
            [typeof(WsdlOperation)] = "Faults Input IsWrapped Name Output SoapAction Style",
            [typeof(WsdlMessage)] = "Body Headers Message Namespace Use",
            [typeof(WsdlPart)] = "Element IsRequired Name Type",
            [typeof(WsdlFault)] = "Detail Message Name Use",
            [typeof(WsdlWarning)] = "Column Document Line Message",
            [typeof(Client.Wsdl.Schema.XsdSchemaSet)] = "AttributeGroups Attributes Elements Groups Namespaces Types",
            [typeof(Client.Wsdl.Schema.XsdComplexType)] = "ArrayItemType AttributeGroups Attributes BaseType Content Derivation IsAbstract IsMixed IsSimpleContent Name",
            [typeof(Client.Wsdl.Schema.XsdSimpleType)] = "BaseType Enumeration ListItemType Name UnionMemberTypes",
            [typeof(Client.Wsdl.Schema.XsdElement)] = "AnonymousType IsNillable IsReference IsRepeated MaxOccurs MinOccurs Name SubstitutionGroup Type",
            [typeof(Client.Wsdl.Schema.XsdGroup)] = "IsRepeated Items Kind MaxOccurs MinOccurs",
            [typeof(Client.Wsdl.Schema.XsdGroupReference)] = "Group IsRepeated MaxOccurs MinOccurs",
            [typeof(Client.Wsdl.Schema.XsdAny)] = "IsRepeated MaxOccurs MinOccurs Namespace ProcessContents",
            [typeof(Client.Wsdl.Schema.XsdAttribute)] = "AnonymousType ArrayType IsReference IsRequired IsWildcard Name Type",
        };

        foreach (var (type, properties) in known)
        {
            var actual = string.Join(' ', type.GetProperties().Where(p => p.Name != "EqualityContract").Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.True(properties == actual, $"{type.Name} has {actual}; the cache format knows {properties}");
        }

        var particles = typeof(Client.Wsdl.Schema.XsdParticle).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(Client.Wsdl.Schema.XsdParticle)) || t.IsSubclassOf(typeof(Client.Wsdl.Schema.XsdType)));
        Assert.All(particles, t => Assert.True(known.ContainsKey(t), $"{t.Name} is not known to the cache format"));
    }
}
