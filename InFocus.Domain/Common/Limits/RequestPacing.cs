namespace InFocus.Domain.Common.Limits;

/// <summary>
/// The pacing of requests to a third party for the whole app (every instance): <see cref="NextAt"/> is the earliest
/// time the next request may start. <see cref="Entity.Id"/> names the third party (<c>tmdb</c>).
/// </summary>
public sealed class RequestPacing : Entity
{
    public DateTimeOffset NextAt { get; init; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}
