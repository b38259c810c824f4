using InFocus.DbTool;

return await DbCommands.RunAsync(args);
