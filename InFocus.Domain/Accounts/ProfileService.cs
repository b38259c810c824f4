using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InFocus.Domain.Common;
using InFocus.Domain.Data;
using InFocus.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Accounts;

/// <summary>The signed-in user's own account data: name, bio, avatar and client preferences.</summary>
public sealed class ProfileService(InFocusDbContext db)
{
    /// <summary>The account, its profile and its unread notifications. Compiled once: <c>GET /api/me</c> is a hot read.</summary>
    private static readonly Func<InFocusDbContext, string, CancellationToken, Task<MeRow?>> Me =
        EF.CompileAsyncQuery((InFocusDbContext db, string userId, CancellationToken _) => db.Users
            .AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new MeRow(u, u.Profile, db.Notifications.Count(n => n.UserId == u.Id && n.ReadAt == null)))
            .FirstOrDefault());

    public async Task<MeResponse> GetAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        var row = await Me(db, user.UserId, cancellationToken) ?? throw new NotFoundException("User");
        return ToMe(row.User, row.Profile, row.Unread);
    }

    public async Task<MeResponse> UpdateNameAsync(CurrentUser user, UpdateMeRequest request, CancellationToken cancellationToken)
    {
        new Validation().Required("name", request.Name, FieldLimits.PersonName).ThrowIfInvalid();
        var name = request.Name!.Trim();
        await db.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Name, name), cancellationToken);
        return await GetAsync(user, cancellationToken);
    }

    /// <summary>
    /// Changes the members present in the request. The profile row is locked while preferences are merged, so two
    /// concurrent patches of different keys both survive.
    /// </summary>
    public async Task<MeResponse> UpdateProfileAsync(CurrentUser user, UpdateProfileRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.Bio.IsSet)
        {
            validation.MaxLength("bio", request.Bio.Value, FieldLimits.Bio);
        }

        if (request.Avatar.IsSet)
        {
            validation.AbsoluteHttpUrl("avatar", request.Avatar.Value);
        }

        if (request.Preferences.IsSet && request.Preferences.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            validation.Add("preferences", "must be a JSON object (a merge patch) or null.");
        }
        else if (request.Preferences.IsSet && !JsonMergePatch.HasStorableText(request.Preferences.Value))
        {
            validation.Add("preferences", "must not contain NUL characters or unpaired surrogates.");
        }

        validation.ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Users.Where(u => u.Id == user.UserId).FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("User");
        var profile = await db.Profiles
            .FromSql($"SELECT * FROM profiles WHERE user_id = {user.UserId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken);
        if (profile is null)
        {
            profile = new Profile { UserId = user.UserId };
            db.Profiles.Add(profile);
        }

        if (request.Bio.IsSet)
        {
            profile.Bio = string.IsNullOrWhiteSpace(request.Bio.Value) ? null : request.Bio.Value.Trim();
        }

        if (request.Avatar.IsSet)
        {
            profile.Avatar = request.Avatar.Value;
        }

        if (request.Preferences.IsSet)
        {
            profile.Preferences = MergePreferences(profile.Preferences, request.Preferences.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ToMe(account, profile, await NotificationService.UnreadCountAsync(db, user.UserId, cancellationToken));
    }

    /// <summary>RFC 7396 merge of <paramref name="patch"/> into the stored object; null resets to <c>{}</c>.</summary>
    private static string MergePreferences(string stored, JsonElement patch)
    {
        if (patch.ValueKind == JsonValueKind.Null)
        {
            return "{}";
        }

        var merged = JsonMergePatch.Apply(JsonNode.Parse(stored), patch);
        var json = merged!.ToJsonString();
        var validation = new Validation();
        if (JsonMergePatch.Depth(merged) > FieldLimits.PreferencesDepth)
        {
            validation.Add("preferences", $"must not nest objects or arrays more than {FieldLimits.PreferencesDepth} levels deep.");
        }

        if (merged["notifications"] is JsonObject notifications && notifications["email"] is { } digest
            && !(digest.GetValueKind() == JsonValueKind.String && digest.GetValue<string>() is NotificationDigestService.Daily or NotificationDigestService.Off))
        {
            validation.Add("preferences", $"notifications.email must be \"{NotificationDigestService.Daily}\" (the daily digest) or \"{NotificationDigestService.Off}\".");
        }

        if (Encoding.UTF8.GetByteCount(json) > FieldLimits.PreferencesJsonBytes)
        {
            validation.Add("preferences", $"must be at most {FieldLimits.PreferencesJsonBytes} bytes of JSON once merged.");
        }

        validation.ThrowIfInvalid();
        return json;
    }

    private static MeResponse ToMe(User user, Profile? profile, int unreadNotifications) =>
        new(user.ToResponse(), profile?.ToResponse() ?? new ProfileResponse(null, null, AccountMappings.ParsePreferences("{}"), user.UpdatedAt), unreadNotifications);

    private sealed record MeRow(User User, Profile? Profile, int Unread);
}
