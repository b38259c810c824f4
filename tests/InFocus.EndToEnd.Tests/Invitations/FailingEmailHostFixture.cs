using InFocus.EndToEnd.Tests.Harness;
using InFocus.TestKit;

namespace InFocus.EndToEnd.Tests.Invitations;

/// <summary>
/// An invitations host whose SMTP server (smtp4dev, through a <see cref="TcpRelay"/>) can be made to fail and
/// recover, for the tests of failed emails, retries and the poison queue.
/// </summary>
public sealed class FailingEmailHostFixture : InvitationsHostFixture
{
    public TcpRelay Smtp { get; } = new(TestEnvironment.SmtpHost, TestEnvironment.SmtpPort);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override Dictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Email__Smtp__Host"] = "127.0.0.1";
        settings["Email__Smtp__Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class FailingEmailCollection : ICollectionFixture<FailingEmailHostFixture>
{
    public const string Name = "Invitations with a failing SMTP server";
}
