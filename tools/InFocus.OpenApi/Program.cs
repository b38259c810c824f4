using InFocus.Functions.OpenApi;

// Writes the API contract of the function app, as GET /api/openapi.json serves it, to the path given.
if (args is not [var path])
{
    Console.Error.WriteLine("usage: InFocus.OpenApi <path of openapi.json>");
    return 2;
}

await File.WriteAllBytesAsync(path, ApiDescription.ToJson(ApiDescription.Build()));
Console.WriteLine($"InFocus.OpenApi: wrote {Path.GetFullPath(path)}");
return 0;
