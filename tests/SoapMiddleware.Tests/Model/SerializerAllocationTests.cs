using SoapMiddleware.Model;
using static SoapMiddleware.Tests.Model.ModelTestHelpers;

namespace SoapMiddleware.Tests.Model;

// The serializer is on the request hot path: these tests pin its per-call allocations so a LINQ query or a
// per-call reflection lookup sneaking into the read/write loops makes them fail.
public sealed class SerializerAllocationTests
{
    [Fact]
    public void ReadMessage_TinyCall_AllocatesOnlyTheResult()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Add");
        var wrapper = Parse($"<Add xmlns='{Ns}'><a>2</a><b>3</b></Add>");
        serializer.ReadMessage(wrapper, message);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            serializer.ReadMessage(wrapper, message);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
        Assert.True(perCall <= 100, $"ReadMessage allocated {perCall} bytes per call.");
    }

    [Fact]
    public void ReadMessage_HundredLineOrder_AllocatesPerLineOnlyItsValues()
    {
        var serializer = new XmlModelSerializer(NewModel());
        var message = Request(serializer.Model, "Place");
        var lines = string.Concat(Enumerable.Range(1, 100).Select(i => $"<OrderLine><Product>p{i}</Product><Quantity>{i}</Quantity><Price>1.5</Price></OrderLine>"));
        var wrapper = Parse($"<Place xmlns='{Ns}'><order><Id>1</Id><Customer>Ann</Customer><Lines>{lines}</Lines><Color>Red</Color></order></Place>");
        serializer.ReadMessage(wrapper, message);

        var before = GC.GetAllocatedBytesForCurrentThread();
        serializer.ReadMessage(wrapper, message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Per line: the record, the argument array, boxed int and decimal, and the item in the buffer.
        Assert.True(allocated < 100 * 200, $"ReadMessage allocated {allocated} bytes for 100 lines.");
    }
}
