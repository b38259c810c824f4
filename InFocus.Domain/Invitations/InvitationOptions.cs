using System.ComponentModel.DataAnnotations;

namespace InFocus.Domain.Invitations;

/// <summary>Settings under <c>Invitations</c> (app settings <c>Invitations__PublicBaseUrl</c>, ...).</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>Where recipients reach the app; invitation links are <c>{PublicBaseUrl}/api/invitations/{token}</c>.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "";

    [Range(1, 90)]
    public int ExpiryDays { get; set; } = 7;

    public TimeSpan Expiry => TimeSpan.FromDays(ExpiryDays);

    public string LinkFor(string token) => $"{PublicBaseUrl.TrimEnd('/')}/api/invitations/{token}";
}
