using Farun.Web;
using Farun.Web.Cli;

// One executable: with a verb (e.g. `laws import <dir>`) it runs that command and exits; without one it serves the web app.
if (FarunCli.IsCommand(args))
    return await FarunCli.RunAsync(args);

var app = FarunApp.Build(args);
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
