namespace InFocus.Domain.Media.Tmdb;

/// <summary>
/// Reads each TMDB response body to its end inside the resilience pipeline (this handler runs within the attempt
/// timeout), so a TMDB that sends its headers and then stalls is timed out and retried like one that never answers.
/// Without it the body would be read after the pipeline returned, bounded by nothing.
/// </summary>
internal sealed class TmdbResponseBuffering : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
