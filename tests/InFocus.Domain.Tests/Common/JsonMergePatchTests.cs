using System.Text.Json;
using System.Text.Json.Nodes;
using InFocus.Domain.Common;

namespace InFocus.Domain.Tests.Common;

public sealed class JsonMergePatchTests
{
    /// <summary>The examples of RFC 7396 appendix A.</summary>
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merging_follows_rfc_7396(string target, string patch, string expected)
    {
        using var patchDocument = JsonDocument.Parse(patch);

        var result = JsonMergePatch.Apply(JsonNode.Parse(target), patchDocument.RootElement);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("1", 0)]
    [InlineData("{}", 1)]
    [InlineData("""{"a":1}""", 1)]
    [InlineData("""{"a":{"b":[1,{"c":true}]}}""", 4)]
    public void Depth_counts_nested_containers(string json, int depth) => Assert.Equal(depth, JsonMergePatch.Depth(JsonNode.Parse(json)));

    [Theory]
    [InlineData("""{"a":"x\u0000y"}""", false)]
    [InlineData("""{"a\u0000":1}""", false)]
    [InlineData("""{"a":["ok",{"b":"\u0000"}]}""", false)]
    [InlineData("""{"a":"\ud800"}""", false)]
    [InlineData("""{"a":["\udc00x"]}""", false)]
    [InlineData("""{"\ud83c":1}""", false)]
    [InlineData("""{"a":"fine \ud83c\udfac","b":[1,null]}""", true)]
    public void Text_PostgreSQL_cannot_store_is_found_in_keys_and_values(string json, bool storable)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(storable, JsonMergePatch.HasStorableText(document.RootElement));
    }
}
