using InFocus.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InFocus.Domain.Data;

/// <summary>Turns PostgreSQL constraint violations into domain errors; anything else is left alone.</summary>
public static class DatabaseErrors
{
    public static DomainException? Translate(Exception exception)
    {
        var postgres = exception as PostgresException ?? exception.InnerException as PostgresException;
        if (postgres is null)
        {
            return null;
        }

        var known = Constraints.ToDomainException(postgres.ConstraintName);
        if (known is not null)
        {
            return known;
        }

        return postgres.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => new ConflictException("The change conflicts with existing data."),
            PostgresErrorCodes.CheckViolation => ValidationException.For(postgres.ColumnName ?? "body", "has a value that is not allowed."),
            PostgresErrorCodes.ForeignKeyViolation => new NotFoundException("A referenced resource"),
            PostgresErrorCodes.StringDataRightTruncation => ValidationException.For(postgres.ColumnName ?? "body", "is too long."),
            _ => null,
        };
    }

    /// <summary>True for a unique violation of the named constraint (for services that resolve their own races).</summary>
    public static bool IsUniqueViolation(Exception exception, string constraintName) =>
        (exception as PostgresException ?? exception.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } e
        && e.ConstraintName == constraintName;

    /// <summary>True when saving lost an optimistic-concurrency race (the row changed or vanished since it was read).</summary>
    public static bool IsConcurrencyConflict(Exception exception) => exception is DbUpdateConcurrencyException;
}
