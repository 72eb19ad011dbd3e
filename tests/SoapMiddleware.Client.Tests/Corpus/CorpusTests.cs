using System.Text.Json;
using SoapMiddleware.Client.Tests.Infrastructure;
using SoapMiddleware.Client.Wsdl;
using SoapMiddleware.Tests.Zeep;
using Xunit.Abstractions;

namespace SoapMiddleware.Client.Tests.Corpus;

/// <summary>The 191 real WSDLs of the corpus, compared with what Python zeep reads from them.</summary>
[Collection(TimingCollection.Name)]
public sealed class CorpusTests(ITestOutputHelper output)
{
    [CorpusFact(needsZeep: true)]
    public async Task Corpus_EveryFileZeepReads_ImportedWithAtLeastZeepsOperationsPerPort()
    {
        // One python process reads every file (zeep takes seconds for the whole corpus; one process per file, minutes).
        var results = Path.GetTempFileName();
        JsonDocument zeep;
        try
        {
            var (exitCode, text) = await ZeepScript.RunAsync("zeep_corpus.py", WsdlCorpus.Directory!, results);
            Assert.True(exitCode == 0, text);
            zeep = JsonDocument.Parse(await File.ReadAllTextAsync(results));
        }
        finally
        {
            File.Delete(results);
        }

        var mismatches = new List<string>();
        int zeepRead = 0, weRead = 0;
        foreach (var file in WsdlCorpus.TopLevel())
        {
            var expected = zeep.RootElement.GetProperty(file);
            WsdlDescription? description = null;
            string? error = null;
            try
            {
                description = await WsdlCorpus.ImportAsync(file);
                weRead++;
            }
            catch (WsdlImportException e)
            {
                error = e.Message;
            }

            if (!expected.GetProperty("ok").GetBoolean())
            {
                output.WriteLine($"zeep rejects {file}: {expected.GetProperty("error").GetString()}; we: {error ?? $"read, {Summary(description!)}"}");
                if (!ZeepRejected.Files.TryGetValue(file, out var recorded))
                {
                    mismatches.Add($"{file}: zeep rejects it and ZeepRejected does not say what we do ({error ?? "we read it"})");
                }
                else if (recorded.Read != description is not null || (!recorded.Read && !error!.Contains("not well-formed", StringComparison.Ordinal)))
                {
                    mismatches.Add($"{file}: recorded as {(recorded.Read ? "read" : "refused")} ({recorded.Why}), but we {error ?? "read it"}");
                }

                continue;
            }

            zeepRead++;
            if (description is null)
            {
                mismatches.Add($"{file}: zeep reads it, we fail: {error}");
                continue;
            }

            foreach (var port in expected.GetProperty("ports").EnumerateObject())
            {
                var (service, portName) = (port.Name[..port.Name.IndexOf('/', StringComparison.Ordinal)], port.Name[(port.Name.IndexOf('/', StringComparison.Ordinal) + 1)..]);
                var ours = description.Services.Where(s => s.Name == service).SelectMany(s => s.Ports).FirstOrDefault(p => p.Name == portName);
                var missing = port.Value.EnumerateArray().Select(o => o.GetString()!).Except(ours?.Operations.Select(o => o.Name) ?? []).ToList();
                if (ours is null || missing.Count > 0)
                {
                    mismatches.Add($"{file}: port {port.Name} {(ours is null ? "missing" : $"lacks {string.Join(", ", missing)}")}");
                }
            }
        }

        zeep.Dispose();
        output.WriteLine($"{weRead} of {WsdlCorpus.TopLevel().Count} files read; zeep reads {zeepRead}; {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string Summary(WsdlDescription description) =>
        $"{description.Services.Sum(s => s.Ports.Sum(p => p.Operations.Count))} operations, {description.Warnings.Count} warnings"
        + (description.Warnings.Count > 0 ? $" (first: {description.Warnings[0].Message})" : "");

    [CorpusFact]
    public async Task Corpus_BiggestWsdls_ImportedWellUnderOneSecond()
    {
        // e-conomic: 3,022 operations (one port each for SOAP 1.1 and 1.2); Workday: 4 MB, about 2,000 types.
        foreach (var (file, operations) in new[] { ("wasabi/spec/fixtures/economic.wsdl", 1511), ("wasabi/spec/fixtures/workday.wsdl", 200) })
        {
            var cold = CpuClock.StartNew();
            var description = await WsdlCorpus.ImportAsync(file);
            var coldTime = cold.ToString();
            var warm = CpuClock.StartNew();
            description = await WsdlCorpus.ImportAsync(file);
            var warmTime = warm.Elapsed;

            output.WriteLine($"{file}: cold {coldTime}, warm {warm}; {Summary(description)}, {description.Schemas.Types.Count} types");
            Assert.True(warmTime < TimeSpan.FromSeconds(1), $"{file}: {warm}");
            Assert.True(description.Services.SelectMany(s => s.Ports).Max(p => p.Operations.Count) >= operations);
        }
    }
}
