using InFocus.Domain.Media.Tmdb;

namespace InFocus.Domain.Tests.Media;

/// <summary>What TMDB sends is cleaned before it reaches a column, so no TMDB value can make an import fail.</summary>
public sealed class TmdbValuesTests
{
    [Theory]
    [InlineData("Fight\0 Club", "Fight Club")]
    [InlineData("\0", null)]
    [InlineData("  Fight Club  ", "Fight Club")]
    [InlineData("   ", null)]
    public void Text_loses_the_characters_PostgreSQL_cannot_store_and_blank_means_absent(string value, string? stored) =>
        Assert.Equal(stored, TmdbValues.Text(value, 100));

    [Fact]
    public void Text_is_cut_to_its_limit_without_splitting_a_surrogate_pair() =>
        Assert.Equal("ab", TmdbValues.Text("ab\U0001F3AC", 3));

    [Theory]
    [InlineData("/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg", true)]
    [InlineData("/a\0.jpg", false)]
    [InlineData("/a\n.jpg", false)]
    [InlineData("/a b.jpg", false)]
    [InlineData("a.jpg", false)]
    [InlineData("/", false)]
    public void Image_paths_are_kept_only_in_TMDBs_shape(string path, bool kept) =>
        Assert.Equal(kept ? path : null, TmdbValues.ImagePath(path));
}
