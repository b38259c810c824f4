using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Common;

/// <summary>Where a keyset page ended: the sort key and id of its last row.</summary>
public sealed record KeysetPosition<TKey>(TKey Key, string Id);

/// <summary>
/// Keyset pagination over a sort key with the id as tiebreaker. The continuation is a PostgreSQL row comparison,
/// <c>(key, id) &gt; (@key, @id)</c>, which an index on <c>(…, key, id)</c> answers as a range scan, and which stays
/// correct while rows are inserted, changed or deleted between pages: a page starts strictly after the position
/// the previous one ended at, whatever happened meanwhile.
/// </summary>
public static class Keyset
{
    /// <summary>
    /// Orders by (<paramref name="key"/>, <paramref name="id"/>), both ascending or both descending, and keeps only
    /// the rows beyond <paramref name="after"/> when it is given. The key must not be null (coalesce nullable keys).
    /// </summary>
    public static IOrderedQueryable<T> OrderByKeyset<T, TKey>(
        this IQueryable<T> source,
        Expression<Func<T, TKey>> key,
        Expression<Func<T, string>> id,
        bool descending,
        KeysetPosition<TKey>? after)
    {
        // Members of a constant, as of a closure: EF Core makes each a query parameter.
        var position = after is null ? null : Expression.Constant(after);
        return source.OrderByKeyset(
            key,
            id,
            descending,
            position is null ? null : (Expression.Property(position, nameof(after.Key)), Expression.Property(position, nameof(after.Id))));
    }

    /// <summary>
    /// <see cref="OrderByKeyset{T,TKey}(IQueryable{T},Expression{Func{T,TKey}},Expression{Func{T,string}},bool,KeysetPosition{TKey}?)"/>
    /// with the position's key and id as expressions: a compiled query's parameters.
    /// </summary>
    public static IOrderedQueryable<T> OrderByKeyset<T, TKey>(
        this IQueryable<T> source,
        Expression<Func<T, TKey>> key,
        Expression<Func<T, string>> id,
        bool descending,
        (Expression Key, Expression Id)? after)
    {
        if (after is { } position)
        {
            source = source.Where(Beyond(key, id, descending, position.Key, position.Id));
        }

        return descending
            ? source.OrderByDescending(key).ThenByDescending(id)
            : source.OrderBy(key).ThenBy(id);
    }

    /// <summary>
    /// The position a cursor of the list <paramref name="kind"/> continues after, or null for the first page. A
    /// cursor no page of this list could have produced (tampered, or of another list) is a 400, never a failed query.
    /// </summary>
    public static KeysetPosition<TKey>? After<TKey>(string kind, string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var position = PageCursor.Decode<KeysetPosition<TKey>>(kind, cursor);
        return Cuid.IsValid(position.Id) && position.Key is not null
            ? position
            : throw ValidationException.For("cursor", "is not a valid cursor for this list.");
    }

    /// <summary>A page from up to <c>limit + 1</c> rows in keyset order; its cursor is the last row's position.</summary>
    public static Page<TItem> ToPage<TItem, TKey>(
        IReadOnlyList<TItem> rows, int limit, string kind, Func<TItem, TKey> key, Func<TItem, string> id) =>
        PageCursor.ToPage(rows, limit, kind, row => new KeysetPosition<TKey>(key(row), id(row)));

    private static Expression<Func<T, bool>> Beyond<T, TKey>(
        Expression<Func<T, TKey>> key,
        Expression<Func<T, string>> id,
        bool descending,
        Expression afterKey,
        Expression afterId)
    {
        Expression<Func<TKey, string, TKey, string, bool>> comparison = descending
            ? (k, i, ak, ai) => EF.Functions.LessThan(ValueTuple.Create(k, i), ValueTuple.Create(ak, ai))
            : (k, i, ak, ai) => EF.Functions.GreaterThan(ValueTuple.Create(k, i), ValueTuple.Create(ak, ai));
        var row = key.Parameters[0];
        var body = new ParameterSubstitution(new()
        {
            [comparison.Parameters[0]] = key.Body,
            [comparison.Parameters[1]] = ParameterSubstitution.Replace(id, row),
            [comparison.Parameters[2]] = afterKey,
            [comparison.Parameters[3]] = afterId,
        }).Visit(comparison.Body);
        return Expression.Lambda<Func<T, bool>>(body, row);
    }
}
