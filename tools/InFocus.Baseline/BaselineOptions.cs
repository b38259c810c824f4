namespace InFocus.Baseline;

/// <summary>
/// <c>--port N</c> (default 7291) and <c>--auto-prepare</c> (Npgsql automatic preparation of the statements, off by
/// default as in InFocus). The database and the access-token keys are InFocus's own app settings, read from the
/// environment: <c>Database__ConnectionString</c>, <c>Jwt__Issuer</c>, <c>Jwt__Audience</c>, <c>Jwt__SigningKey</c>.
/// </summary>
internal sealed record BaselineOptions(int Port, bool AutoPrepare, string ConnectionString, string Issuer, string Audience, byte[] SigningKey)
{
    public static BaselineOptions Parse(string[] args)
    {
        var port = 7291;
        var autoPrepare = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var value):
                    port = value;
                    i++;
                    break;
                case "--auto-prepare":
                    autoPrepare = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}' (usage: InFocus.Baseline [--port N] [--auto-prepare])");
            }
        }

        return new BaselineOptions(
            port,
            autoPrepare,
            Setting("Database__ConnectionString"),
            Setting("Jwt__Issuer"),
            Setting("Jwt__Audience"),
            Convert.FromBase64String(Setting("Jwt__SigningKey")));
    }

    private static string Setting(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new ArgumentException($"set {name} in the environment (the same value InFocus uses)");
}
