using SoapMiddleware.Description;

namespace SoapMiddleware.Tests.Description;

/// <summary>Every method shape the toolkit calls: sync, void, Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;.</summary>
public sealed class OperationInvokerTests
{
    public sealed class Shapes
    {
        public int Calls { get; private set; }

        public int Sync(int a) => a + 1;

        public void Void(int a) => Calls += a;

        public async Task Task(int a)
        {
            await System.Threading.Tasks.Task.Yield();
            Calls += a;
        }

        public async Task<string> TaskOfT(int a)
        {
            await System.Threading.Tasks.Task.Yield();
            return "t" + a;
        }

        public ValueTask ValueTask(int a)
        {
            Calls += a;
            return default;
        }

        public async ValueTask<int> ValueTaskOfT(int a)
        {
            await System.Threading.Tasks.Task.Yield();
            return a * 2;
        }

        public Task<int> Throws(int a) => throw new InvalidOperationException("sync throw " + a);
    }

    private static OperationInvoker For(string name) => new(typeof(Shapes).GetMethod(name)!);

    [Theory]
    [InlineData(nameof(Shapes.Sync), false, typeof(int), 6)]
    [InlineData(nameof(Shapes.TaskOfT), false, typeof(string), "t5")]
    [InlineData(nameof(Shapes.ValueTaskOfT), false, typeof(int), 10)]
    public async Task InvokeAsync_ValueShapes_ReturnAwaitedResult(string method, bool isVoid, Type resultType, object expected)
    {
        var invoker = For(method);

        var result = await invoker.InvokeAsync(new Shapes(), [5]);

        Assert.Equal(isVoid, invoker.IsVoid);
        Assert.Equal(resultType, invoker.ResultType);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData(nameof(Shapes.Void))]
    [InlineData(nameof(Shapes.Task))]
    [InlineData(nameof(Shapes.ValueTask))]
    public async Task InvokeAsync_VoidShapes_RunToCompletionAndReturnNull(string method)
    {
        var invoker = For(method);
        var target = new Shapes();

        var result = await invoker.InvokeAsync(target, [3]);

        Assert.True(invoker.IsVoid);
        Assert.Null(result);
        Assert.Equal(3, target.Calls);
    }

    [Fact]
    public async Task InvokeAsync_SynchronousThrow_SurfacesAsFaultedTask()
    {
        var pending = For(nameof(Shapes.Throws)).InvokeAsync(new Shapes(), [1]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await pending);
        Assert.Equal("sync throw 1", error.Message);
    }
}
