namespace InFocus.Soak;

/// <summary>How hard and how long the soak runs.</summary>
public sealed record SoakOptions
{
    /// <summary>Virtual users, each with its own connection, sending one request after another.</summary>
    public int Connections { get; init; } = 64;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Also stop PostgreSQL for <see cref="OutageLength"/> this far into the run (needs a server of the soak's own).</summary>
    public TimeSpan? PostgresOutageAt { get; init; }

    public TimeSpan OutageLength { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Kill the host (SIGKILL) this far into the run and start it again (the host then runs as a process of its own).</summary>
    public TimeSpan? KillHostAt { get; init; }

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--connections" => options with { Connections = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                "--postgres-outage-at" => options with { PostgresOutageAt = TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                "--kill-host-at" => options with { KillHostAt = TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                "--outage" => options with { OutageLength = TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --connections N --duration SECONDS [--postgres-outage-at SECONDS --outage SECONDS] [--kill-host-at SECONDS]"),
            };
            i++;
        }

        return options;
    }
}
