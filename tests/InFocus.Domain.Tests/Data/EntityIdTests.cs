using InFocus.Domain.Common;
using InFocus.Domain.Families;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InFocus.Domain.Tests.Data;

/// <summary>
/// Ids are made by the application, once per new entity: a new entity's id is made when first read and kept, and rows
/// read from the database are materialized through the field, so reading rows makes no ids.
/// </summary>
public sealed class EntityIdTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public void A_new_entity_keeps_the_id_it_was_given_or_first_read()
    {
        var made = new Family { Name = "Made" };
        var given = new Family { Id = "cgiven0000000000000000000", Name = "Given" };

        var first = made.Id;

        Assert.True(Cuid.IsValid(first));
        Assert.Same(first, made.Id);
        Assert.Equal("cgiven0000000000000000000", given.Id);
    }

    [Fact]
    public async Task Every_entity_is_materialized_through_the_id_field_and_read_through_the_property()
    {
        var entityTypes = await fixture.DbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Where(t => t.ClrType.IsAssignableTo(typeof(Entity))).ToList()));

        Assert.NotEmpty(entityTypes);
        Assert.All(entityTypes, t =>
        {
            var id = t.FindPrimaryKey()!.Properties.Single();
            Assert.Equal(nameof(Entity.Id), id.Name);
            Assert.Equal(PropertyAccessMode.FieldDuringConstruction, id.GetPropertyAccessMode());
            Assert.NotNull(id.FieldInfo);
        });
    }

    [Fact]
    public async Task An_entity_added_before_its_id_was_read_is_saved_with_the_id_it_then_reads()
    {
        var media = Entities.MediaItem();
        await fixture.DbAsync(db =>
        {
            db.MediaItems.Add(media);
            return db.SaveChangesAsync();
        });

        var stored = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(m => m.Id == media.Id));
        Assert.True(Cuid.IsValid(media.Id));
        Assert.Equal(media.Id, stored.Id);
    }
}
