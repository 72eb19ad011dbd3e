using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using SoapMiddleware.Docs.Tests.CodeBlocks;
using SoapMiddleware.Docs.Tests.Infrastructure;

namespace SoapMiddleware.Docs.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> makes one complete package per src project, and a fresh <c>dotnet new web</c> app whose
/// <c>Program.cs</c> is the README's Quickstart consumes them by <c>PackageReference</c> and serves a SOAP call.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class PackagesTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void Pack_EverySrcProject_MakesAPackageWithMetadataReadmeAndSymbols()
    {
        // Every src project is a package (the loop), at least these seven (a new src project adds one, it never removes one).
        Assert.Subset(
            feed.PackageIds.ToHashSet(),
            new HashSet<string> { "SoapMiddleware", "SoapMiddleware.Queue", "SoapMiddleware.Queue.PostgreSql", "SoapMiddleware.Hangfire", "SoapMiddleware.Dashboard", "SoapMiddleware.MessagePack", "SoapMiddleware.ServiceModel" });
        foreach (var id in feed.PackageIds)
        {
            var nupkg = Path.Combine(feed.Path, $"{id}.{feed.Version}.nupkg");
            Assert.True(File.Exists(nupkg), $"{nupkg} missing:\n{feed.Output}");
            using var package = ZipFile.OpenRead(nupkg);
            var nuspec = Assert.Single(package.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            var root = XDocument.Load(nuspec.Open()).Root!;
            var ns = root.Name.Namespace;
            var metadata = root.Element(ns + "metadata")!;

            Assert.Equal(id, (string?)metadata.Element(ns + "id"));
            Assert.False(string.IsNullOrWhiteSpace((string?)metadata.Element(ns + "description")), $"{id}: description");
            Assert.Contains("soap", ((string?)metadata.Element(ns + "tags") ?? "").Split(' '));
            Assert.Equal(("expression", "MIT"), ((string?)metadata.Element(ns + "license")?.Attribute("type"), (string?)metadata.Element(ns + "license")));
            Assert.Equal("git", (string?)metadata.Element(ns + "repository")?.Attribute("type"));
            var readme = (string?)metadata.Element(ns + "readme");
            Assert.Equal("README.md", readme);
            Assert.NotNull(package.GetEntry(readme!));
            using var symbols = ZipFile.OpenRead(Path.ChangeExtension(nupkg, ".snupkg"));
            if (id == "SoapMiddleware.Tool")
            {
                // A dotnet tool (`dotnet tool install SoapMiddleware.Tool`): its command is soapmw, under tools/, not lib/.
                var settings = package.GetEntry("tools/net10.0/any/DotnetToolSettings.xml");
                Assert.NotNull(settings);
                Assert.Equal("soapmw", (string?)XDocument.Load(settings!.Open()).Descendants("Command").Single().Attribute("Name"));
                Assert.NotNull(package.GetEntry("tools/net10.0/any/soapmw.dll"));
                Assert.NotNull(symbols.GetEntry("tools/net10.0/any/soapmw.pdb"));
                continue;
            }

            Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.dll"));
            Assert.NotNull(package.GetEntry($"lib/net10.0/{id}.xml"));
            Assert.NotNull(symbols.GetEntry($"lib/net10.0/{id}.pdb"));
        }
    }

    [Fact]
    public async Task FreshWebApp_QuickstartWithPackageReferences_ServesSoapCall()
    {
        using var temp = new TempDirectory("consumer");
        var app = temp.Combine("app");
        var created = await Command.RunAsync("dotnet", ["new", "web", "-o", app, "-n", "DocsConsumer", "--no-restore"], temp.Path, TimeSpan.FromMinutes(2));
        Assert.True(created.ExitCode == 0, created.Output);
        File.WriteAllText(Path.Combine(app, "nuget.config"), NuGetConfig(feed.Path, temp.Combine("packages")));
        AddPackageReferences(Path.Combine(app, "DocsConsumer.csproj"));
        var quickstart = MarkdownCodeBlocks.All().First(b => b.File == "README.md" && b.IsCSharp && SnippetKinds.Parse(b) == SnippetKind.Program);
        File.WriteAllText(Path.Combine(app, "Program.cs"), quickstart.Code);

        var build = await Command.RunAsync("dotnet", ["build", "-c", "Release", "-nodeReuse:false"], app, TimeSpan.FromMinutes(4));
        Assert.True(build.ExitCode == 0, build.Output);
        // This run's packages were restored into the fresh folder, not taken from a cache.
        Assert.True(Directory.Exists(Path.Combine(temp.Combine("packages"), "soapmiddleware", feed.Version.ToLowerInvariant())), build.Output);
        using var server = await WebProcess.StartAsync(
            Path.Combine(app, "bin", "Release", "net10.0", "DocsConsumer.dll"), "/soap/calculator?wsdl", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new StringContent(
            """<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><Add xmlns="http://example.com/calc"><a>40</a><b>2</b></Add></soap:Body></soap:Envelope>""",
            Encoding.UTF8,
            "text/xml");
        using var response = await http.PostAsync("/soap/calculator", request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body + server.Output);
        Assert.Equal("42", XDocument.Parse(body).Descendants(XName.Get("AddResult", "http://example.com/calc")).Single().Value);
    }

    // The local feed is added to the sources already configured (the user's or machine's NuGet.Config, as for any
    // app), not in place of them. Packages land in a fresh folder so this run's packages are the ones used; the
    // machine's global folder is a fallback, so the third-party dependencies need no download.
    private static string NuGetConfig(string feedPath, string packagesPath)
    {
        var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new XDocument(new XElement("configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", packagesPath))),
            new XElement("fallbackPackageFolders", new XElement("add", new XAttribute("key", "machine"), new XAttribute("value", global))),
            new XElement("packageSources", new XElement("add", new XAttribute("key", "soapmiddleware-local"), new XAttribute("value", feedPath))))).ToString();
    }

    private void AddPackageReferences(string csproj)
    {
        var project = XDocument.Load(csproj);
        project.Root!.Add(new XElement("ItemGroup",
            feed.LibraryPackageIds.Select(id => new XElement("PackageReference", new XAttribute("Include", id), new XAttribute("Version", feed.Version)))));
        project.Save(csproj);
    }
}
