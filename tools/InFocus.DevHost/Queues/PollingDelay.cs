namespace InFocus.DevHost.Queues;

/// <summary>
/// The queue listener's wait after an empty poll: doubling from the minimum up to <c>maxPollingInterval</c>, randomized
/// by ±20% so that listeners spread out, back to the minimum as soon as a message arrives (as the host's backoff does).
/// </summary>
public sealed class PollingDelay
{
    private readonly TimeSpan _minimum;
    private readonly TimeSpan _maximum;
    private TimeSpan _next;

    public PollingDelay(TimeSpan minimum, TimeSpan maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
        _next = minimum;
    }

    public TimeSpan Next()
    {
        var randomized = _next * (0.8 + (Random.Shared.NextDouble() * 0.4));
        _next = _next * 2 < _maximum ? _next * 2 : _maximum;
        return randomized < _maximum ? randomized : _maximum;
    }

    public void Reset() => _next = _minimum;
}
