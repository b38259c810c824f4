using System.Linq.Expressions;
using InFocus.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InFocus.Domain.Data;

/// <summary>Mapping conventions every entity configuration uses, so all tables look alike.</summary>
internal static class ModelBuilding
{
    /// <summary>
    /// CUID primary key made by the application. Materialized rows set the backing field, other access goes through the
    /// property, whose getter makes a new entity's id (<see cref="Entity.Id"/>).
    /// </summary>
    public static void HasCuidKey<T>(this EntityTypeBuilder<T> entity)
        where T : Entity
    {
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).HasMaxLength(FieldLimits.Id).ValueGeneratedNever()
            .UsePropertyAccessMode(PropertyAccessMode.FieldDuringConstruction);
    }

    /// <summary>
    /// Creation and update times set by PostgreSQL: defaults on insert, and the <c>infocus_touch_*</c> trigger
    /// (see <see cref="TimestampTriggers"/>) on every update, bulk updates included. EF reads both back after saving.
    /// </summary>
    public static void HasTimestamps<T>(
        this EntityTypeBuilder<T> entity,
        Expression<Func<T, DateTimeOffset>> created,
        Expression<Func<T, DateTimeOffset>> updated)
        where T : class
    {
        var createdProperty = entity.Property(created).HasDefaultValueSql("now()").ValueGeneratedOnAdd();
        createdProperty.Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Throw);
        entity.Property(updated).HasDefaultValueSql("now()").ValueGeneratedOnAddOrUpdate();
    }

    /// <summary>Stores an enum as its snake_case name in a text column guarded by a CHECK constraint.</summary>
    public static void HasEnumText<T, TEnum>(
        this EntityTypeBuilder<T> entity,
        Expression<Func<T, TEnum>> property,
        string column)
        where T : class
        where TEnum : struct, Enum
    {
        entity.Property(property)
            .HasConversion(v => SnakeCaseEnum<TEnum>.ToName(v), v => SnakeCaseEnum<TEnum>.FromName(v))
            .HasMaxLength(32);
        entity.ToTable(t => t.HasCheckConstraint(CheckName(entity, column), InList(column, SnakeCaseEnum<TEnum>.AllNames)));
    }

    /// <inheritdoc cref="HasEnumText{T,TEnum}(EntityTypeBuilder{T},Expression{Func{T,TEnum}},string)"/>
    public static void HasEnumText<T, TEnum>(
        this EntityTypeBuilder<T> entity,
        Expression<Func<T, TEnum?>> property,
        string column)
        where T : class
        where TEnum : struct, Enum
    {
        entity.Property(property)
            .HasConversion(v => SnakeCaseEnum<TEnum>.ToName(v!.Value), v => SnakeCaseEnum<TEnum>.FromName(v))
            .HasMaxLength(32);
        entity.ToTable(t => t.HasCheckConstraint(CheckName(entity, column), InList(column, SnakeCaseEnum<TEnum>.AllNames)));
    }

    /// <summary>
    /// <see cref="HasEnumText{T,TEnum}(EntityTypeBuilder{T},Expression{Func{T,TEnum?}},string)"/> for a member of a
    /// complex type stored in the entity's table, in column <paramref name="column"/>.
    /// </summary>
    public static void HasEnumText<T, TComplex, TEnum>(
        this EntityTypeBuilder<T> entity,
        ComplexPropertyBuilder<TComplex> complex,
        Expression<Func<TComplex, TEnum?>> property,
        string column)
        where T : class
        where TComplex : notnull
        where TEnum : struct, Enum
    {
        complex.Property(property)
            .HasColumnName(column)
            .HasConversion(v => SnakeCaseEnum<TEnum>.ToName(v!.Value), v => SnakeCaseEnum<TEnum>.FromName(v))
            .HasMaxLength(32);
        entity.ToTable(t => t.HasCheckConstraint(CheckName(entity, column), InList(column, SnakeCaseEnum<TEnum>.AllNames)));
    }

    public static string CheckName<T>(EntityTypeBuilder<T> entity, string column)
        where T : class => $"ck_{entity.Metadata.GetTableName()}_{column}";

    private static string InList(string column, IEnumerable<string> values) =>
        $"{column} IN ({string.Join(", ", values.Select(v => $"'{v}'"))})";
}
