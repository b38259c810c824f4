using System.Text.RegularExpressions;

namespace InFocus.EndToEnd.Tests.Contract;

/// <summary>The generated document passes Redocly's recommended rules with no error (warnings are reported, not failed).</summary>
public sealed partial class ContractLintTests
{
    [Fact]
    public async Task The_document_lints_without_errors()
    {
        var (exitCode, output) = await NpmTools.RunAsync(
            "redocly", ContractFiles.NpmTools, "lint", ContractFiles.BuildOutputDocument, "--format=stylish");

        Assert.True(exitCode == 0 && !ErrorLine().IsMatch(output), $"redocly lint found errors:\n{output}");
    }

    [GeneratedRegex(@"^\s*\d+:\d+\s+error\s", RegexOptions.Multiline)]
    private static partial Regex ErrorLine();
}
