using InFocus.Soak;

// The load and fault harness: see docs/operations.md#reliability and scripts/soak.sh.
try
{
    var result = await SoakRun.RunAsync(SoakOptions.Parse(args), Console.Out);
    return result.Passed ? 0 : 1;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
