using System.Linq.Expressions;

namespace InFocus.Domain.Common;

/// <summary>
/// Builds query projections from reusable parts, so a shape such as a title's summary is written once and still
/// translated to SQL (EF cannot see into a compiled delegate or a method call, only into an expression tree).
/// </summary>
public static class ProjectionComposition
{
    /// <summary>
    /// <c>row => whole(row, part(navigate(row)))</c> as one expression tree: <paramref name="part"/> is inlined where
    /// <paramref name="whole"/> uses its second parameter.
    /// </summary>
    public static Expression<Func<T, TResult>> Compose<T, TPart, TPartResult, TResult>(
        Expression<Func<T, TPart>> navigate,
        Expression<Func<TPart, TPartResult>> part,
        Expression<Func<T, TPartResult, TResult>> whole)
    {
        var row = whole.Parameters[0];
        var navigated = ParameterSubstitution.Replace(navigate, row);
        var partBody = ParameterSubstitution.Replace(part, navigated);
        var body = new ParameterSubstitution(new() { [whole.Parameters[1]] = partBody }).Visit(whole.Body);
        return Expression.Lambda<Func<T, TResult>>(body, row);
    }
}

/// <summary>Replaces lambda parameters with other expressions, to splice one lambda's body into another.</summary>
internal sealed class ParameterSubstitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
{
    /// <summary>The body of a one-parameter <paramref name="lambda"/> applied to <paramref name="argument"/>.</summary>
    public static Expression Replace(LambdaExpression lambda, Expression argument) =>
        new ParameterSubstitution(new() { [lambda.Parameters[0]] = argument }).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) =>
        replacements.TryGetValue(node, out var replacement) ? replacement : node;
}
