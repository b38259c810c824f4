using System.ComponentModel.DataAnnotations;
using InFocus.Domain.Common.Limits;

namespace InFocus.Domain.Emails;

/// <summary>
/// Limits on the emails InFocus sends (app settings <c>Email__Limits__InvitationsPerInviterPerDay</c>, ...): windows of a
/// day, counted in PostgreSQL. Over a limit the request answers 429 with <c>Retry-After</c>.
/// </summary>
public sealed class EmailLimitsOptions
{
    public const string Section = "Email:Limits";

    /// <summary>Invitations (new, renewed or resent) one admin may send per day, across all families.</summary>
    [Range(1, 10_000)]
    public int InvitationsPerInviterPerDay { get; set; } = 20;

    /// <summary>Invitations one family may send per day, whoever of its admins sends them.</summary>
    [Range(1, 10_000)]
    public int InvitationsPerFamilyPerDay { get; set; } = 50;

    /// <summary>Invitations one address may receive per day, across all families.</summary>
    [Range(1, 100)]
    public int InvitationsPerRecipientPerDay { get; set; } = 3;

    /// <summary>How long after an invitation's email was issued before it may be resent.</summary>
    [Range(0, 86_400)]
    public int ResendCooldownSeconds { get; set; } = 60;

    /// <summary>Emails the whole app may send per day; keep it below the ACS quota of the deployment.</summary>
    [Range(1, 1_000_000)]
    public int DailyBudget { get; set; } = 5_000;

    public TimeSpan ResendCooldown => TimeSpan.FromSeconds(ResendCooldownSeconds);

    /// <summary>The app-wide budget as a limit every email-sending request takes part in.</summary>
    public RateLimit Budget => RateLimit.PerDay("email-budget", DailyBudget, "InFocus has sent as many emails today as it may. Try again tomorrow.");
}
