namespace InFocus.Domain.Accounts;

/// <summary>The authenticated caller of a request: the user and the session its access token belongs to.</summary>
public sealed record CurrentUser(string UserId, string SessionId);
