using System.Diagnostics;
using Npgsql;

namespace Extractor.TestSupport;

/// <summary>
/// A private PostgreSQL server for the tests: a cluster in a temporary folder (initdb), started with pg_ctl on a free
/// port of 127.0.0.1, trust authentication on loopback only, stopped and deleted when the test process exits (and by
/// a watchdog if the process is killed). PostgreSQL refuses to run as root: when the tests run as root (CI), the
/// cluster belongs to the `postgres` user the Debian package creates and its commands run through runuser. One server
/// per test process; each test takes a database of its own (<see cref="NewDatabase"/>).
/// <para>A machine without the PostgreSQL server fails the test with the reason (never a silent pass).</para>
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;

    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }
    public string DataDirectory { get; }

    private PostgresServer(int port, string dataDirectory)
    {
        Port = port;
        DataDirectory = dataDirectory;
    }

    /// <summary>The server's administrative connection string (database postgres).</summary>
    public string AdminConnectionString => Connection("postgres");

    public string Connection(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    /// <summary>A new empty database; its connection string (as `--db` takes it).</summary>
    public string NewDatabase(string prefix = "t")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var db = new NpgsqlConnection(AdminConnectionString);
        db.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", db);
        cmd.ExecuteNonQuery();
        return Connection(name);
    }

    private static PostgresServer Start()
    {
        var bin = FindBinaries();
        var runAs = Environment.UserName == "root" || geteuid() == 0 ? "postgres" : null;
        if (runAs is not null && Run("id", ["-u", runAs], null, TimeSpan.FromSeconds(10)).Code != 0)
            throw new InvalidOperationException("tests run as root and there is no `postgres` user to run PostgreSQL as (PostgreSQL refuses root): apt-get install postgresql");
        var dir = Directory.CreateTempSubdirectory("extractor-pg-").FullName;
        if (runAs is not null) Must(Run("chown", [runAs, dir], null, TimeSpan.FromSeconds(10)), "chown");
        var data = Path.Combine(dir, "data");
        Must(Run(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], runAs, TimeSpan.FromMinutes(2)), "initdb");
        Exception? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = Loopback.FreePort();
            // fsync off: a test cluster need not survive a power cut; a killed client still sees real transactions.
            var options = $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            var started = Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "start"], runAs, TimeSpan.FromMinutes(2));
            if (started.Code == 0)
            {
                var server = new PostgresServer(port, data);
                Watch(bin, data, dir, runAs);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(bin, data, dir, runAs);
                return server;
            }
            last = new InvalidOperationException($"pg_ctl start failed: {started.Output}\n{TryRead(Path.Combine(dir, "server.log"))}");
        }
        throw last!;
    }

    /// <summary>initdb and pg_ctl: pg_config's bindir, else the newest /usr/lib/postgresql/*/bin, else PATH.</summary>
    private static string FindBinaries()
    {
        var candidates = new List<string>();
        var config = Run("pg_config", ["--bindir"], null, TimeSpan.FromSeconds(10));
        if (config.Code == 0) candidates.Add(config.Output.Trim());
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var dir in candidates)
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres")))
                return dir;
        throw new InvalidOperationException("the PostgreSQL server is not installed (no initdb/pg_ctl/postgres found in pg_config --bindir, /usr/lib/postgresql/*/bin or PATH): apt-get install postgresql");
    }

    /// <summary>Stops the server when the test process dies without running its exit handlers (killed).</summary>
    private static void Watch(string bin, string data, string dir, string? runAs)
    {
        var script = $"while [ -d /proc/{Environment.ProcessId} ]; do sleep 2; done; '{bin}/pg_ctl' -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{dir}'";
        var psi = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in runAs is null ? ["sh", "-c", script] : new[] { "runuser", "-u", runAs, "--", "sh", "-c", script }) psi.ArgumentList.Add(a);
        try { Process.Start(psi); } catch (System.ComponentModel.Win32Exception) { } // no setsid: the exit handler still stops it
    }

    private static void Stop(string bin, string data, string dir, string? runAs)
    {
        Run(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], runAs, TimeSpan.FromSeconds(30));
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Must((int Code, string Output) result, string what)
    {
        if (result.Code != 0) throw new InvalidOperationException($"{what} failed ({result.Code}): {result.Output}");
    }

    private static (int Code, string Output) Run(string program, string[] args, string? runAs, TimeSpan limit)
    {
        var psi = new ProcessStartInfo(runAs is null ? program : "runuser")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (runAs is not null) foreach (var a in new[] { "-u", runAs, "--", program }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(limit))
            {
                p.Kill(entireProcessTree: true);
                return (-1, $"{program} did not finish in {limit}");
            }
            p.WaitForExit();
            return (p.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program}: {e.Message}");
        }
    }

    private static string TryRead(string path)
    {
        try { return File.ReadAllText(path); } catch (IOException) { return ""; }
    }


    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
