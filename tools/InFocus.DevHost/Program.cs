using InFocus.DevHost;

return await DevHostProgram.RunAsync(args);
