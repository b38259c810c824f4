using System.Text.Json;

namespace InFocus.Domain.Accounts;

internal static class AccountMappings
{
    public static UserResponse ToResponse(this User user) => new(user.Id, user.Email, user.Name, user.CreatedAt, user.UpdatedAt);

    public static ProfileResponse ToResponse(this Profile profile) =>
        new(profile.Bio, profile.Avatar, ParsePreferences(profile.Preferences), profile.UpdatedAt);

    public static JsonElement ParsePreferences(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
