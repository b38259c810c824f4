using InFocus.Functions;
using Microsoft.Extensions.Hosting;

FunctionApp.CreateBuilder(args).Build().Run();
