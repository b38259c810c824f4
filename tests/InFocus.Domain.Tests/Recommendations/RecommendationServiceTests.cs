using InFocus.Domain.Accounts;
using InFocus.Domain.Common;
using InFocus.Domain.Media;
using InFocus.Domain.Recommendations;
using InFocus.TestKit;
using Microsoft.EntityFrameworkCore;

namespace InFocus.Domain.Tests.Recommendations;

public sealed class RecommendationServiceTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    [Fact]
    public async Task A_family_member_recommends_a_title_with_a_message()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        var recommendation = await CreateAsync(world.Sender, world.Recommend("You will love the prison scenes."));

        Assert.Equal(RecommendationStatus.Pending, recommendation.Status);
        Assert.Equal("You will love the prison scenes.", recommendation.Message);
        Assert.Null(recommendation.RespondedAt);
        Assert.Equal((world.Media.Id, "Paddington 2"), (recommendation.Media.Id, recommendation.Media.Title));
        Assert.Equal(new PersonSummary(world.Sender.Id, "Sam Sender"), recommendation.RecommendedBy);
        Assert.Equal(new PersonSummary(world.Recipient.Id, "Rita Recipient"), recommendation.RecommendedTo);
    }

    [Fact]
    public async Task A_catalog_title_can_be_named_by_tmdb_id_and_type()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        var recommendation = await CreateAsync(world.Sender, new(null, world.Media.TmdbId, "movie", world.Recipient.Id, null));

        Assert.Equal(world.Media.Id, recommendation.Media.Id);
    }

    [Fact]
    public async Task Someone_who_shares_no_family_with_the_sender_is_not_found_like_an_unknown_user()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        var stranger = await Assert.ThrowsAsync<NotFoundException>(() => CreateAsync(world.Sender, world.Recommend() with { RecipientId = world.Stranger.Id }));
        var nobody = await Assert.ThrowsAsync<NotFoundException>(() => CreateAsync(world.Sender, world.Recommend() with { RecipientId = Cuid.NewId() }));

        Assert.Equal(nobody.Message, stranger.Message);
        Assert.False(await fixture.DbAsync(db => db.Recommendations.AnyAsync(r => r.RecommendedById == world.Sender.Id)));
    }

    [Fact]
    public async Task Recommending_to_oneself_is_refused()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        var error = await Assert.ThrowsAsync<ValidationException>(() => CreateAsync(world.Sender, world.Recommend() with { RecipientId = world.Sender.Id }));

        Assert.Equal(["recipientId"], error.Errors.Keys);
    }

    [Fact]
    public async Task A_second_pending_recommendation_of_the_title_to_the_same_person_is_a_conflict_naming_the_first()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var first = await CreateAsync(world.Sender, world.Recommend());

        var error = await Assert.ThrowsAsync<ConflictException>(() => CreateAsync(world.Sender, world.Recommend("Really!")));

        Assert.Equal(first.Id, error.Extensions["existingRecommendationId"]);
    }

    [Fact]
    public async Task Once_answered_the_title_can_be_recommended_again_and_by_others_meanwhile()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var first = await CreateAsync(world.Sender, world.Recommend());
        await CreateAsync(world.Bystander, world.Recommend());
        await fixture.WithAsync<RecommendationReplies, RecommendationResponse>(r => r.RejectAsync(world.Recipient.AsCaller(), first.Id, default));

        var second = await CreateAsync(world.Sender, world.Recommend());

        Assert.NotEqual(first.Id, second.Id);
    }

    [Theory]
    [InlineData(null, null, null, "RECIPIENT", "mediaItemId,tmdbId")]
    [InlineData("MEDIA", 10, "movie", "RECIPIENT", "mediaItemId,tmdbId")]
    [InlineData(null, 10, "cartoon", "RECIPIENT", "type")]
    [InlineData("MEDIA", null, null, null, "recipientId")]
    [InlineData("MEDIA", null, null, "someone", "recipientId")]
    [InlineData(null, null, null, null, "mediaItemId,tmdbId,recipientId")]
    public async Task Invalid_requests_name_every_offending_field(string? mediaItemId, int? tmdbId, string? type, string? recipientId, string fields)
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var request = new RecommendRequest(
            mediaItemId == "MEDIA" ? world.Media.Id : mediaItemId, tmdbId, type, recipientId == "RECIPIENT" ? world.Recipient.Id : recipientId, null);

        var error = await Assert.ThrowsAsync<ValidationException>(() => CreateAsync(world.Sender, request));

        Assert.Equal(fields.Split(',').Order(), error.Errors.Keys.Order());
    }

    [Fact]
    public async Task A_message_longer_than_the_limit_is_refused()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            CreateAsync(world.Sender, world.Recommend(new string('m', FieldLimits.RecommendationMessage + 1))));

        Assert.Equal(["message"], error.Errors.Keys);
    }

    [Fact]
    public async Task An_unknown_title_is_not_found()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        await Assert.ThrowsAsync<NotFoundException>(() => CreateAsync(world.Sender, world.Recommend() with { MediaItemId = Cuid.NewId() }));
    }

    [Fact]
    public async Task The_sender_withdraws_a_pending_recommendation()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var recommendation = await CreateAsync(world.Sender, world.Recommend());

        await DeleteAsync(world.Sender, recommendation.Id);

        Assert.False(await fixture.DbAsync(db => db.Recommendations.AnyAsync(r => r.Id == recommendation.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => DeleteAsync(world.Sender, recommendation.Id));
    }

    [Fact]
    public async Task Only_the_sender_can_withdraw_and_to_everyone_else_it_is_not_found()
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var recommendation = await CreateAsync(world.Sender, world.Recommend());

        foreach (var other in new[] { world.Recipient, world.Bystander, world.Stranger })
        {
            await Assert.ThrowsAsync<NotFoundException>(() => DeleteAsync(other, recommendation.Id));
        }

        Assert.True(await fixture.DbAsync(db => db.Recommendations.AnyAsync(r => r.Id == recommendation.Id)));
    }

    [Theory]
    [InlineData(RecommendationStatus.Accepted)]
    [InlineData(RecommendationStatus.Rejected)]
    public async Task An_answered_recommendation_can_no_longer_be_withdrawn(RecommendationStatus answer)
    {
        var world = await RecommendationWorld.CreateAsync(fixture);
        var recommendation = Entities.Recommendation(world.Sender, world.Recipient, world.Media, answer);
        await fixture.SaveAsync(recommendation);

        await Assert.ThrowsAsync<ConflictException>(() => DeleteAsync(world.Sender, recommendation.Id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    public async Task Ids_that_cannot_exist_are_not_found(string id)
    {
        var world = await RecommendationWorld.CreateAsync(fixture);

        await Assert.ThrowsAsync<NotFoundException>(() => DeleteAsync(world.Sender, id));
    }

    private Task<RecommendationResponse> CreateAsync(User sender, RecommendRequest request) =>
        fixture.WithAsync<RecommendationService, RecommendationResponse>(s => s.CreateAsync(sender.AsCaller(), request, default));

    private Task DeleteAsync(User caller, string id) =>
        fixture.WithAsync<RecommendationService>(s => s.DeleteAsync(caller.AsCaller(), id, default));
}
