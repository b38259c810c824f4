namespace InFocus.Domain.Imports;

/// <summary>Where an import file comes from (<c>?source=</c>).</summary>
public enum ImportSource
{
    Letterboxd,
    Imdb,
    Trakt,

    /// <summary>An InFocus JSON export (<c>GET /api/me/export?format=json</c>).</summary>
    Infocus,
}

public enum ImportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>What an import row did; <see cref="Pending"/> until its batch ran.</summary>
public enum ImportRowOutcome
{
    Pending,
    Added,
    Updated,
    Unchanged,
    Unmatched,
    Error,
}

/// <summary>The problem rows <c>GET /api/imports/{id}/rows</c> lists.</summary>
public enum ImportProblem
{
    Unmatched,
    Error,
}

/// <summary>What a row of the file says about a title.</summary>
public enum ImportRowKind
{
    /// <summary>On the watchlist (to watch): status <c>not_watched</c> when the title is new.</summary>
    Watchlist,

    /// <summary>Watched (a watched, diary or history row): status <c>completed</c>, the date kept on the row.</summary>
    Watched,

    /// <summary>A rating (1–10).</summary>
    Rating,

    /// <summary>A review or note: the entry's notes.</summary>
    Review,

    /// <summary>A title on a list: on the watchlist like <see cref="Watchlist"/>.</summary>
    List,

    /// <summary>A whole entry of an InFocus export: status, rating and notes together.</summary>
    Entry,
}
