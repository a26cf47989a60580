using System.Text.Json;
using Extractor.Serve.Web;
using Extractor.Store;

namespace Extractor.Serve.Tests;

/// <summary>
/// The serve tests' set-up: a store filled with <see cref="Samples"/>, served on a free loopback port with the temp
/// folder as source root, and an HTTP client on it. Each test class says which store (<see cref="NewStore"/>).
/// </summary>
public abstract class ServedSamples : IAsyncLifetime
{
    protected readonly TempDir Dir = new();
    protected ServeApp? App;
    protected readonly HttpClient Http = new();

    /// <summary>The --db of the store to fill and serve.</summary>
    protected abstract string NewStore();

    public async Task InitializeAsync()
    {
        var db = NewStore();
        using (var store = ExtractorStore.Open(db)) Samples.Fill(store);
        App = await ServeApp.StartAsync(new ServeOptions { DbPath = db, Port = 0, SourceRoot = Dir.Path });
        Http.BaseAddress = new Uri(App.Url);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (App is not null) await App.DisposeAsync();
        Dir.Dispose();
    }

    protected async Task<JsonElement> Get(string path)
    {
        var r = await Http.GetAsync(path);
        Assert.True(r.IsSuccessStatusCode, $"{path}: {(int)r.StatusCode}");
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
    }
}
