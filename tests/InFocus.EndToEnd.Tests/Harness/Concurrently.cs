using System.Net;

namespace InFocus.EndToEnd.Tests.Harness;

/// <summary>
/// Fires requests at the same moment, as several devices or a retrying client would: every request waits at one
/// barrier until all are ready, then all are sent together. Use it for the concurrency test of a write endpoint: N
/// identical requests (<see cref="SendAsync(int, Func{int, Task{HttpResponseMessage}})"/>) or N conflicting ones
/// (<see cref="SendAsync(Func{Task{HttpResponseMessage}}[])"/>), then assert the statuses and the database.
/// </summary>
public static class Concurrently
{
    /// <summary>Sends <paramref name="count"/> requests made by <paramref name="send"/> (given 0 … count-1) at once.</summary>
    public static Task<Responses> SendAsync(int count, Func<int, Task<HttpResponseMessage>> send) =>
        SendAsync(Enumerable.Range(0, count).Select(i => (Func<Task<HttpResponseMessage>>)(() => send(i))).ToArray());

    /// <summary>Sends each of <paramref name="requests"/> at once; the answers come back in the same order.</summary>
    public static async Task<Responses> SendAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        var ready = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = requests.Select(request => Task.Run(async () =>
        {
            if (Interlocked.Increment(ref ready) == requests.Length)
            {
                start.SetResult();
            }

            await start.Task;
            using var response = await request();
            return new Response(response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        return new Responses(await Task.WhenAll(sent));
    }

    public sealed record Response(HttpStatusCode Status, string Body)
    {
        public int Code => (int)Status;
    }

    /// <summary>The answers, in the order the requests were given.</summary>
    public sealed class Responses(IReadOnlyList<Response> all)
    {
        public IReadOnlyList<Response> All => all;

        public IEnumerable<int> Codes => all.Select(r => r.Code);

        /// <summary>How many answered <paramref name="status"/>.</summary>
        public int Count(HttpStatusCode status) => all.Count(r => r.Status == status);

        /// <summary>Asserts that every status is one of <paramref name="allowed"/> (so no 5xx unless one is named).</summary>
        public Responses AssertOnly(params HttpStatusCode[] allowed)
        {
            var unexpected = all.Where(r => !allowed.Contains(r.Status)).ToList();
            Assert.True(unexpected.Count == 0, "Unexpected answers:" + string.Concat(unexpected.Select(r => $"{Environment.NewLine}{r.Code} {r.Body}")));
            return this;
        }

        /// <summary>Asserts how many answered each status (the statuses named must cover every answer).</summary>
        public Responses AssertCounts(params (HttpStatusCode Status, int Count)[] expected)
        {
            AssertOnly(expected.Select(e => e.Status).ToArray());
            Assert.Equal(
                expected.Where(e => e.Count > 0).OrderBy(e => e.Status).Select(e => $"{(int)e.Status}×{e.Count}"),
                all.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{(int)g.Key}×{g.Count()}"));
            return this;
        }
    }
}
