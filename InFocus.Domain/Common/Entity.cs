namespace InFocus.Domain.Common;

/// <summary>Every table's primary key: a CUID made in the application, so ids exist before the row is saved.</summary>
public abstract class Entity
{
    private string? _id;

    /// <summary>
    /// A new entity's id is made the first time it is read (by the code that creates the entity, or by EF Core when the
    /// entity is added). EF Core writes the field when it materializes a row (see <c>ModelBuilding.HasCuidKey</c>), so
    /// reading rows makes no ids: making one for each materialized entity, only to overwrite it, cost about 7% of the
    /// CPU of a watchlist page.
    /// </summary>
    public string Id
    {
        get => _id ??= Cuid.NewId();
        init => _id = value;
    }
}
