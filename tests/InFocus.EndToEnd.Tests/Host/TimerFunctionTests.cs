using InFocus.EndToEnd.Tests.Host.Probes;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Host;

[Collection(ProbeHostCollection.Name)]
public sealed class TimerFunctionTests(ProbeHostFixture host)
{
    [Fact]
    public async Task A_timer_function_runs_now_through_the_admin_api_with_its_schedule_status()
    {
        var before = host.Log.CallsOf("ProbeTimer").Count;

        var outcome = await host.RunFunctionAsync("ProbeTimer");

        Assert.True(outcome.IsSuccess);
        var call = Assert.Single(host.Log.CallsOf("ProbeTimer").Skip(before));
        Assert.StartsWith($"{DateTime.UtcNow.Year + 1}-01-01T00:00:00", call.Input, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_function_never_runs_twice_at_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.RunFunctionAsync("ProbeTimer")));

        Assert.Equal(1, host.Log.MostAtOnce("ProbeTimer"));
    }

    [Fact]
    public async Task A_timer_with_runOnStartup_runs_when_the_host_starts_and_its_schedule_may_come_from_a_setting()
    {
        await Eventually.TrueAsync(() => host.Log.CallsOf("ProbeStartupTimer").Count == 1, "the startup timer ran");
    }

    [Fact]
    public async Task A_timer_fires_on_its_six_field_schedule()
    {
        var before = host.Log.CallsOf("ProbeTick").Count;

        await Eventually.TrueAsync(() => host.Log.CallsOf("ProbeTick").Count >= before + 2, "the every-second timer fired twice", TimeSpan.FromSeconds(10));
    }
}
