using System.Linq.Expressions;
using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Common.Limits;
using InFocus.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InFocus.Domain.Webhooks;

/// <summary>
/// <c>/api/me/webhooks</c>: create (the URL checked by <see cref="WebhookAddressGuard"/>, limits per user and app-wide),
/// list with the latest deliveries, read one, delete. Someone else's webhook is a 404.
/// </summary>
public sealed class WebhookService(InFocusDbContext db, WebhookAddressGuard guard, RateLimiter limiter, IOptions<WebhookOptions> options)
{
    /// <summary>How many of its latest deliveries each webhook shows.</summary>
    public const int LastDeliveries = 5;

    public const int MinSecretLength = 16;

    public const int MaxEvents = 16;

    private WebhookOptions Options => options.Value;

    /// <summary>
    /// <c>POST /api/me/webhooks</c>: 400 for a bad URL, event or secret, or with <see cref="WebhookOptions.MaxPerUser"/>
    /// webhooks already; 409 for a URL the caller has a webhook for; 429 over the creation limits. One transaction
    /// holding the caller's lock, so concurrent creates neither exceed the maximum nor duplicate a URL.
    /// </summary>
    public async Task<WebhookCreatedResponse> CreateAsync(CurrentUser user, CreateWebhookRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        var events = request.Events ?? [];
        if (events.Count == 0 || events.Count > MaxEvents || events.Any(e => !WebhookEvents.All.Contains(e, StringComparer.Ordinal)))
        {
            validation.Add("events", $"must name 1 to {MaxEvents} of: {string.Join(", ", WebhookEvents.All)}.");
        }

        if (request.Secret is { } given && (given.Length < MinSecretLength || given.Length > FieldLimits.WebhookSecret || given.Any(char.IsControl)))
        {
            validation.Add("secret", $"must be {MinSecretLength} to {FieldLimits.WebhookSecret} characters without control characters.");
        }

        validation.ThrowIfInvalid();
        var url = (await guard.CheckUrlAsync(request.Url, cancellationToken)).AbsoluteUri;
        var secret = request.Secret ?? "whsec_" + SecureToken.Generate();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('webhooks:' || {user.UserId}, 0))", cancellationToken);
        var existing = await db.Webhooks
            .Where(w => w.UserId == user.UserId)
            .GroupBy(w => 1)
            .Select(g => new { Count = g.Count(), SameUrl = g.Any(w => w.Url == url) })
            .SingleOrDefaultAsync(cancellationToken);
        if (existing?.SameUrl == true)
        {
            throw new ConflictException("You already have a webhook for this URL.");
        }

        if (existing?.Count >= Options.MaxPerUser)
        {
            throw ValidationException.For("url", $"You have {Options.MaxPerUser} webhooks already, the most one account may have; delete one first.");
        }

        await limiter.AcquireAsync(
        [
            RateLimit.PerDay($"webhooks-per-user:{user.UserId}", Options.CreatesPerUserPerDay, "You have created too many webhooks today. Try again later."),
            RateLimit.PerHour("webhooks-app", Options.CreatesAppPerHour, "Too many webhooks are being created on InFocus right now. Try again later."),
        ], cancellationToken);
        var webhook = new Webhook { UserId = user.UserId, Url = url, Events = events.Distinct(StringComparer.Ordinal).ToArray(), Secret = secret };
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var response = new WebhookResponse(webhook.Id, webhook.Url, webhook.Events, WebhookStatus.Active, null, 0, webhook.CreatedAt, []);
        return new WebhookCreatedResponse(response, request.Secret is null ? secret : null);
    }

    /// <summary><c>GET /api/me/webhooks</c>: the caller's webhooks, newest first, each with its latest deliveries; one query.</summary>
    public async Task<Page<WebhookResponse>> ListAsync(CurrentUser user, PageRequest page, CancellationToken cancellationToken)
    {
        const string kind = "webhooks";
        var rows = await db.Webhooks.AsNoTracking()
            .Where(w => w.UserId == user.UserId)
            .OrderByKeyset(w => w.CreatedAt, w => w.Id, descending: true, Keyset.After<DateTimeOffset>(kind, page.Cursor))
            .Take(page.Limit + 1)
            .Select(ToResponse)
            .ToListAsync(cancellationToken);
        return Keyset.ToPage(rows, page.Limit, kind, w => w.CreatedAt, w => w.Id);
    }

    /// <summary><c>GET /api/me/webhooks/{id}</c>: one query.</summary>
    public async Task<WebhookResponse> GetAsync(CurrentUser user, string? id, CancellationToken cancellationToken) =>
        (Cuid.IsValid(id)
            ? await db.Webhooks.AsNoTracking().Where(w => w.Id == id && w.UserId == user.UserId).Select(ToResponse).SingleOrDefaultAsync(cancellationToken)
            : null)
        ?? throw new NotFoundException("The webhook");

    /// <summary><c>DELETE /api/me/webhooks/{id}</c>: the webhook and its deliveries; one statement. Deleting it again is a 404.</summary>
    public async Task DeleteAsync(CurrentUser user, string? id, CancellationToken cancellationToken)
    {
        if (!Cuid.IsValid(id) || await db.Webhooks.Where(w => w.Id == id && w.UserId == user.UserId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException("The webhook");
        }
    }

    private static readonly Expression<Func<Webhook, WebhookResponse>> ToResponse = w => new WebhookResponse(
        w.Id,
        w.Url,
        w.Events,
        w.DisabledAt == null ? WebhookStatus.Active : WebhookStatus.Disabled,
        w.DisabledAt,
        w.ConsecutiveFailures,
        w.CreatedAt,
        w.Deliveries
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(LastDeliveries)
            .Select(d => new WebhookDeliveryResponse(
                d.Id,
                d.Event,
                d.NotificationId,
                d.Status,
                d.Attempts,
                d.ResponseStatus,
                d.Error,
                d.LastAttemptAt,
                d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
                d.DeliveredAt,
                d.CreatedAt))
            .ToList());
}
