namespace InFocus.Domain.Common;

/// <summary>Every table's primary key: a CUID made in the application, so ids exist before the row is saved.</summary>
public abstract class Entity
{
    public string Id { get; init; } = Cuid.NewId();
}
