using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InFocus.EndToEnd.Tests.Host.Probes;

/// <summary>Function signatures the development host must refuse at start-up, each with a reason in its name.</summary>
public sealed class UnsupportedFunctions
{
    [Function("IntParameter")]
    public IActionResult IntParameter([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{count}")] HttpRequest request, int count) =>
        new OkResult();

    [Function("StringNotInRoute")]
    public IActionResult StringNotInRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items")] HttpRequest request, string name) =>
        new OkResult();

    [Function("TimerReturningAValue")]
    public Task<int> TimerReturningAValue([TimerTrigger("0 0 3 * * *")] TimerInfo timer) => Task.FromResult(1);

    [Function("FiveFieldSchedule")]
    public void FiveFieldSchedule([TimerTrigger("0 3 * * *")] TimerInfo timer)
    {
    }

    [Function("UnsetQueueSetting")]
    public void UnsetQueueSetting([QueueTrigger("%NoSuchSetting%")] string message)
    {
    }

    [Function("HttpWithoutActionResult")]
    public string HttpWithoutActionResult([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "text")] HttpRequest request) => "text";

    [Function("AdminRoute")]
    public IActionResult AdminRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin/functions/x")] HttpRequest request) =>
        new OkResult();
}
