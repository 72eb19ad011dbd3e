using System.ComponentModel.DataAnnotations;

namespace SoapMiddleware.Tests.Model;

// Method signatures the tests turn into messages, the way ServiceDescriptionBuilder does.
public sealed class SampleService
{
    public int Add(int a, int b) => a + b;

    public string Echo(string text) => text;

    public void Optional(string? note, int count = 7, Color color = Color.Blue, int? maybe = null, Guid id = default) { }

    public void Ping() { }

    public Order GetOrder([Range(1, 1000)] int lines, [RegularExpression("[a-z]+")] string code) => new();

    public void Named([Required] string? name, [StringLength(5)] string? tag, [MinLength(1), MaxLength(3)] int[]? items) { }

    public void Measure([Range(0.5, 9.5)] double ratio, [Range(typeof(decimal), "0", "100.25")] decimal amount) { }

    public void Place(Order order) { }

    public void Register(Customer customer) { }

    public void Walk(Node node) { }

    public void Strings(List<string?> values, string?[] array) { }

    public void AllowEmpty([Required(AllowEmptyStrings = true)] string text) { }
}
