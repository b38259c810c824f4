using InFocus.Functions;
using InFocus.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InFocus.EndToEnd.Tests.Host;

/// <summary>In Azure, the function app's information logs (job counts, request completion) reach Application Insights.</summary>
public sealed class FunctionAppLoggingTests
{
    [Fact]
    public void Application_insights_receives_information_logs_not_only_warnings()
    {
        var args = TestSettings.Sample.Select(s => $"--{TestSettings.ToConfigurationKey(s.Key)}={s.Value}").ToArray();
        using var host = FunctionApp.CreateBuilder(args).Build();

        var rules = host.Services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;

        Assert.DoesNotContain(rules, rule => rule.ProviderName?.EndsWith("ApplicationInsightsLoggerProvider", StringComparison.Ordinal) == true);
    }
}
