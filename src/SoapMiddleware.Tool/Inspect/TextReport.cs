namespace SoapMiddleware.Tool.Inspect;

/// <summary>Prints a description as <c>python -m zeep</c> does: prefixes, then each service, port and operation signature, then the warnings.</summary>
internal static class TextReport
{
    public static void Write(DescriptionReport report, TextWriter output)
    {
        var body = new StringWriter();
        foreach (var service in report.Description.Services)
        {
            body.WriteLine($"Service: {service.Name}");
            foreach (var port in service.Ports)
            {
                body.WriteLine($"     Port: {port.Name} ({port.Protocol}: {report.Prefixes.Name(port.Binding)}) {port.Address}");
                body.WriteLine("         Operations:");
                foreach (var operation in report.Operations[port])
                {
                    var headers = operation.InputHeaders.Count == 0 ? "" : $", _soapheaders={{{Join(operation.InputHeaders)}}}";
                    var faults = operation.Faults.Count == 0 ? "" : $" raises {string.Join(", ", operation.Faults.Select(f => f.Name))}";
                    body.WriteLine($"            {operation.Operation.Name}({Join(operation.Input)}{headers}) -> {Join(operation.Output)}{faults}");
                }

                body.WriteLine();
            }
        }

        // Prefixes are known only once every signature is printed; zeep prints them first, and so do we.
        output.WriteLine("Prefixes:");
        foreach (var (prefix, ns) in report.Prefixes.All)
        {
            output.WriteLine($"     {prefix}: {ns}");
        }

        output.WriteLine();
        output.Write(body.ToString());
        if (report.Warnings.Count > 0)
        {
            output.WriteLine($"Warnings ({report.Warnings.Count}):");
            foreach (var warning in report.Warnings)
            {
                output.WriteLine($"     {warning}");
            }
        }
    }

    private static string Join(IReadOnlyList<Parameter> parameters) => string.Join(", ", parameters.Select(p => $"{p.Name}: {p.Type}"));
}
