using System.CommandLine;
using Extractor.Serve.Web;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor serve --db FILE [--port N] [--source-root DIR]`: a local web app on 127.0.0.1 to browse documents, their
/// tables, facts and failed checks, see each fact on its source page (pdf.js, bbox highlighted), and compare agencies.
/// Runs until Ctrl+C.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var db = StoreCli.DbOption();
        var port = new Option<int>("--port") { Description = "port on 127.0.0.1 (0: any free port)", HelpName = "N", DefaultValueFactory = _ => 5080 }
            .InRange(0, 65535);
        var root = new Option<string?>("--source-root") { Description = "folder that relative document sources are resolved against (default: the current folder)", HelpName = "DIR" };
        var cmd = new Command("serve", "Browse the store in a web browser on 127.0.0.1: documents, tables, facts on their source page, failed checks, agency comparisons.")
            { db, port, root };
        cmd.SetAction(r =>
        {
            var path = r.GetValue(db)!;
            return StoreCli.Run(path, () =>
            {
                if (r.GetValue(port) is < 0 or > 65535) throw new ArgumentException("--port must be 0-65535");
                try
                {
                    var app = ServeApp.StartAsync(new ServeOptions { DbPath = path, Port = r.GetValue(port), SourceRoot = r.GetValue(root) })
                        .GetAwaiter().GetResult();
                    Console.WriteLine($"extractor serve: {app.Url} (store {path}); Ctrl+C to stop");
                    app.WaitForShutdownAsync().GetAwaiter().GetResult(); // Ctrl+C or SIGTERM
                    app.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    return 0;
                }
                catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    Console.Error.WriteLine(e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase) || e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                        ? $"serve: port {r.GetValue(port)} on 127.0.0.1 is in use (another serve?); pick another with --port N, or --port 0 for any free port"
                        : $"serve: cannot listen on 127.0.0.1:{r.GetValue(port)}: {e.Message.Split('\n')[0]}");
                    return 1;
                }
            });
        });
        return cmd;
    }
}
