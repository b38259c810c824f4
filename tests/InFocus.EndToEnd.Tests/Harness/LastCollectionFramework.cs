using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("InFocus.EndToEnd.Tests.Harness.LastCollectionFramework", "InFocus.EndToEnd.Tests")]

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// xunit's own framework, except that the collection named <see cref="AfterTheSuite"/> starts only when every other
/// collection of the run has finished, so its tests can judge what the whole suite did (the statuses it produced).
/// Other collections keep running in parallel as before. A run of only some tests (a filter) leaves that collection out.
/// </summary>
public sealed class LastCollectionFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string AfterTheSuite = "After the suite";

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        // As xunit's own executor: the run reports through the message sink, which the caller waits on. The last
        // collection judges the whole suite, so a run of only some of the other tests (a filter) leaves it out.
        protected override void RunTestCases(
            IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            var cases = testCases.ToList();
            if (!RunsEveryTest(cases))
            {
                cases.RemoveAll(c => c.TestMethod.TestClass.TestCollection.DisplayName == AfterTheSuite);
            }

            _ = RunAsync(new Runner(TestAssembly, cases, DiagnosticMessageSink, executionMessageSink, executionOptions));
        }

        private static bool RunsEveryTest(List<IXunitTestCase> cases)
        {
            var running = cases.Select(c => (c.TestMethod.TestClass.Class.Name, c.TestMethod.Method.Name)).ToHashSet();
            var all = typeof(LastCollectionFramework).Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false })
                .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null).Select(m => (t.FullName!, m.Name)));
            return all.All(running.Contains);
        }

        private static async Task RunAsync(Runner runner)
        {
            using (runner)
            {
                await runner.RunAsync();
            }
        }
    }

    private sealed class Runner(
        ITestAssembly testAssembly,
        IEnumerable<IXunitTestCase> testCases,
        IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink,
        ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        private readonly TaskCompletionSource _othersFinished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _othersRunning = -1;

        protected override async Task<RunSummary> RunTestCollectionAsync(
            IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            Interlocked.CompareExchange(ref _othersRunning, OrderTestCollections().Count(c => !IsLast(c.Item1)), -1);
            if (IsLast(testCollection))
            {
                if (Volatile.Read(ref _othersRunning) > 0)
                {
                    await Task.WhenAny(_othersFinished.Task, Task.Delay(Timeout.Infinite, cancellationTokenSource.Token));
                }

                return await base.RunTestCollectionAsync(messageBus, testCollection, testCases, cancellationTokenSource);
            }

            try
            {
                return await base.RunTestCollectionAsync(messageBus, testCollection, testCases, cancellationTokenSource);
            }
            finally
            {
                if (Interlocked.Decrement(ref _othersRunning) == 0)
                {
                    _othersFinished.TrySetResult();
                }
            }
        }

        // Last in the order too, so that a run without parallel collections reaches it after the others.
        protected override async Task AfterTestAssemblyStartingAsync()
        {
            await base.AfterTestAssemblyStartingAsync();
            TestCollectionOrderer = new LastOrderer(TestCollectionOrderer);
        }

        private static bool IsLast(ITestCollection collection) => collection.DisplayName == AfterTheSuite;
    }

    private sealed class LastOrderer(ITestCollectionOrderer inner) : ITestCollectionOrderer
    {
        public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
            inner.OrderTestCollections(testCollections).OrderBy(c => c.DisplayName == AfterTheSuite);
    }
}
