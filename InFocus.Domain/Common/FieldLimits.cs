namespace InFocus.Domain.Common;

/// <summary>
/// Maximum lengths of stored strings. Validation and the database columns both use these, so a value that
/// passes validation always fits its column.
/// </summary>
public static class FieldLimits
{
    public const int Id = 32;
    public const int Email = 254;
    public const int PersonName = 100;
    public const int PasswordMinChars = 8;
    public const int PasswordMaxBytes = 72;
    public const int Bio = 1_000;
    public const int Url = 2_048;
    public const int PreferencesJsonBytes = 16_384;
    public const int PreferencesDepth = 5;
    public const int FamilyName = 100;
    public const int MediaTitle = 500;
    public const int MediaDescription = 10_000;
    public const int ImagePath = 255;
    public const int Genre = 64;
    public const int PersonCredit = 200;
    public const int ProviderName = 200;
    public const int Region = 2;
    public const int Notes = 2_000;
    public const int RecommendationMessage = 500;
    public const int UserAgent = 512;
    public const int ClientAddress = 64;
    public const int SearchQuery = 200;
    public const int ErrorText = 1_000;
    public const int NotificationEventKey = 200;
    public const int WebhookSecret = 128;
    public const int WebhookEvent = 64;
}
