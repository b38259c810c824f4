namespace InFocus.Domain.Watchlist;

public enum WatchStatus
{
    NotWatched,
    Watching,
    Completed,
}
