using System.Text.Json;
using System.Text.Json.Nodes;
using Extractor.Core.Report;
using Extractor.Pipeline;
using Extractor.Serve.Export;
using Extractor.Store;
using Extractor.Store.Ingest;
using Extractor.TestSupport;

namespace Extractor.Serve.Tests;

/// <summary>
/// The same documents through the ingest pipeline into a SQLite file and into a PostgreSQL database export the same
/// bytes (documents, sections, tables, rows, cells, facts, checks; CSV and JSON lines), save the two columns that say
/// when and how fast a run stored each document (ingested_at, duration_ms). Money is compared as the exact decimal
/// text, so a lost trailing zero or a float would show.
/// </summary>
public sealed class ExportParityTests : IDisposable
{
    private readonly TempDir _dir = new();
    private static readonly string[] RunColumns = ["ingested_at", "duration_ms"];

    private static IEnumerable<string> Inputs() =>
    [
        .. Directory.GetFiles(Corpus.Path("dev"), "*.pdf").Order(StringComparer.Ordinal),
        .. Directory.GetFiles(Corpus.Path("seeds"), "*.txt").Order(StringComparer.Ordinal),
        Corpus.Path("web", "ha-zhengzhou-gtj-2015-budget.html"),
        Corpus.Path("extra", "js-rdcwh-2017-dept-budget.pdf"),
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sqlite_and_postgres_stores_export_the_same_bytes()
    {
        // Each document is read once; both stores get the same report through the same pipeline, one worker, in order.
        var extractor = new ReportExtractor(new ExtractionSettings());
        var reports = Inputs().ToDictionary(p => p, p => extractor.Extract(p));
        Report Cached(string path, CancellationToken _) => reports[path];
        var broken = _dir.File("broken.pdf");
        File.WriteAllText(broken, "%PDF-1.4 truncated");

        var stores = new[] { _dir.File("s.db"), PostgresServer.Instance.NewDatabase("parity") };
        var outputs = new List<string>();
        foreach (var (db, i) in stores.Select((d, i) => (d, i)))
        {
            using var store = ExtractorStore.Open(db);
            var pipeline = new IngestPipeline(store, (p, ct) => p == broken ? throw new Core.Pipeline.ExtractionException("truncated", "no trailer") : Cached(p, ct),
                new IngestOptions { Workers = 1 });
            var summary = await pipeline.RunAsync(IngestInputs.Enumerate([.. Inputs(), broken]));
            Assert.Equal((reports.Count, 1), (summary.Ok, summary.Failed));
            var outDir = _dir.File($"out{i}");
            new StoreExporter(store).Export("csv", outDir);
            new StoreExporter(store).Export("jsonl", outDir);
            outputs.Add(outDir);
        }

        foreach (var name in new[] { "sections", "tables", "rows", "cells", "facts", "checks" })
            foreach (var ext in new[] { "csv", "jsonl" })
            {
                var a = File.ReadAllBytes(Path.Combine(outputs[0], $"{name}.{ext}"));
                var b = File.ReadAllBytes(Path.Combine(outputs[1], $"{name}.{ext}"));
                Assert.True(a.Length > 100, $"{name}.{ext} is nearly empty");
                Assert.True(a.AsSpan().SequenceEqual(b), $"{name}.{ext} differs: {FirstDifference(a, b)}");
            }

        // documents: every column but the run's own two.
        var docs = outputs.Select(o => File.ReadAllLines(Path.Combine(o, "documents.jsonl")).Select(WithoutRunColumns).ToList()).ToList();
        Assert.Equal(reports.Count + 1, docs[0].Count);
        Assert.Equal(docs[0], docs[1]);
        var csv = outputs.Select(o => File.ReadAllText(Path.Combine(o, "documents.csv"))).ToList();
        Assert.Equal(Csv.Strip(csv[0], RunColumns), Csv.Strip(csv[1], RunColumns));

        // The money columns hold what the reports said, to the last digit.
        var cells = File.ReadAllLines(Path.Combine(outputs[1], "cells.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("value").GetRawText()).ToList();
        var expected = reports.Values.SelectMany(r => r.Tables).SelectMany(t => t.Rows).SelectMany(r => r.Values.Values)
            .Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, cells.Order(StringComparer.Ordinal));
    }

    private static string WithoutRunColumns(string line)
    {
        var o = JsonNode.Parse(line)!.AsObject();
        foreach (var c in RunColumns) Assert.True(o.Remove(c), $"no {c} in {line}");
        return o.ToJsonString();
    }

    private static string FirstDifference(byte[] a, byte[] b)
    {
        var i = a.AsSpan().CommonPrefixLength(b);
        string At(byte[] x) => System.Text.Encoding.UTF8.GetString(x, Math.Max(0, i - 60), Math.Min(x.Length - Math.Max(0, i - 60), 160));
        return $"at byte {i}:\n{At(a)}\n---\n{At(b)}";
    }

    /// <summary>RFC 4180 rows with some columns left out (by header name).</summary>
    private static class Csv
    {
        public static List<string> Strip(string text, string[] drop)
        {
            var rows = Parse(text);
            var keep = rows[0].Select((h, i) => (h, i)).Where(x => !drop.Contains(x.h)).Select(x => x.i).ToList();
            return rows.Select(r => string.Join('\u001f', keep.Select(i => r[i]))).ToList();
        }

        private static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else field.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
                else if (c == '\n')
                {
                    row.Add(field.ToString().TrimEnd('\r'));
                    field.Clear();
                    rows.Add(row);
                    row = [];
                }
                else field.Append(c);
            }
            if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
            return rows;
        }
    }

    public void Dispose() => _dir.Dispose();
}
