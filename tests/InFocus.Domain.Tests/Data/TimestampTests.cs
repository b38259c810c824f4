using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Data;

/// <summary>PostgreSQL keeps creation times immutable and update times current, for tracked and bulk updates alike.</summary>
public sealed class TimestampTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task Saving_a_change_advances_the_update_time_and_keeps_the_creation_time()
    {
        var user = Entities.User();
        await fixture.DbAsync(db =>
        {
            db.Users.Add(user);
            return db.SaveChangesAsync();
        });
        Assert.NotEqual(default, user.CreatedAt);
        Assert.Equal(user.CreatedAt, user.UpdatedAt);

        var updated = await fixture.DbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Id == user.Id);
            stored.Name = "Renamed";
            await db.SaveChangesAsync();
            return stored;
        });

        Assert.Equal(user.CreatedAt, updated.CreatedAt);
        Assert.True(updated.UpdatedAt > user.UpdatedAt);
    }

    [Fact]
    public async Task Bulk_updates_advance_the_update_time_and_cannot_rewrite_the_creation_time()
    {
        var media = Entities.MediaItem();
        await fixture.DbAsync(db =>
        {
            db.MediaItems.Add(media);
            return db.SaveChangesAsync();
        });

        await fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE media_items SET title = 'Bulk', created_at = '2000-01-01T00:00:00Z' WHERE id = {media.Id}"));
        await fixture.DbAsync(db => db.MediaItems.Where(m => m.Id == media.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Title, "Bulk again")));

        var stored = await fixture.DbAsync(db => db.MediaItems.AsNoTracking().SingleAsync(m => m.Id == media.Id));
        Assert.Equal(media.CreatedAt, stored.CreatedAt);
        Assert.True(stored.UpdatedAt > media.UpdatedAt);
        Assert.Equal("Bulk again", stored.Title);
    }
}
