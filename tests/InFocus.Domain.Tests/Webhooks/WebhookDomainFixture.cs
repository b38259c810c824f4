using InFocus.TestKit;

namespace InFocus.Domain.Tests.Webhooks;

/// <summary>The domain with small webhook limits, so retries, giving up and disabling take few attempts.</summary>
public sealed class WebhookDomainFixture : DomainFixture
{
    public const int MaxAttempts = 3;
    public const int DisableAfterFailures = 5;
    public const int MaxPerUser = 3;

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Webhooks__MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Webhooks__DisableAfterFailures"] = DisableAfterFailures.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Webhooks__MaxPerUser"] = MaxPerUser.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Webhooks__BatchSize"] = "10";
        settings["Webhooks__Timeout"] = "00:00:02";
        settings["Webhooks__Lease"] = "00:00:30";
        return settings;
    }
}
