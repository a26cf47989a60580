using System.Text.Json;
using Extractor.Serve.Export;
using Extractor.Store;
using Extractor.Store.Queries;
using Parquet;
using Parquet.Schema;

namespace Extractor.Serve.Tests;

public sealed class ExportTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ExtractorStore _store;

    public ExportTests()
    {
        _store = ExtractorStore.Open(_dir.File("s.db"));
        Samples.Fill(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static readonly string[] Names = ["documents", "sections", "tables", "rows", "cells", "text_cells", "facts", "checks"];

    [Theory]
    [InlineData("csv")]
    [InlineData("jsonl")]
    [InlineData("parquet")]
    public void WritesOneFilePerTableWithEveryRow(string format)
    {
        var files = new StoreExporter(_store).Export(format, _dir.File("out"));
        Assert.Equal(Names, files.Select(f => f.Table));
        var counts = files.ToDictionary(f => f.Table, f => f.Rows);
        Assert.Equal(7, counts["documents"]);
        Assert.Equal(7, counts["facts"]);          // six documents, one with a quoted prior year
        Assert.Equal(12, counts["rows"]);
        Assert.Equal(18, counts["cells"]);         // 2 + 1 per document
        Assert.Equal(12, counts["checks"]);
        Assert.All(files, f => Assert.True(File.Exists(f.Path), f.Path));
        Assert.Empty(Directory.GetFiles(_dir.File("out"), "*.part"));
    }

    [Fact]
    public void CsvHeadersAreTheDocumentedColumns()
    {
        new StoreExporter(_store).Export("csv", _dir.File("csv"));
        foreach (var table in ExportQueries.Tables)
        {
            var lines = File.ReadAllLines(_dir.File($"csv/{table.Name}.csv"));
            Assert.Equal(string.Join(',', table.Columns.Select(c => c.Name)), lines[0]);
        }
        var facts = File.ReadAllText(_dir.File("csv/facts.csv"));
        Assert.Contains("document,ord,agency,fiscal_year,kind,key,value,unit,provenance_kind,table_id,page,bbox,path,printed,printed_unit,confidence,extractor_version", facts);
        Assert.Contains(",three_public.total,12.345678,万元,table,final.t07_three_public,2,\"[300,500,400,515]\",", facts);
    }

    [Fact]
    public void JsonLinesKeepExactNumbersAndNestedJson()
    {
        new StoreExporter(_store).Export("jsonl", _dir.File("jl"));
        var lines = File.ReadAllLines(_dir.File("jl/cells.jsonl"));
        Assert.Equal(18, lines.Length);
        var tiny = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("code").ValueKind == JsonValueKind.String);
        Assert.Equal("0.000001", tiny.GetProperty("value").GetRawText());
        Assert.Equal(JsonValueKind.Number, tiny.GetProperty("value").ValueKind);
        var fact = JsonDocument.Parse(File.ReadLines(_dir.File("jl/facts.jsonl")).First()).RootElement;
        Assert.Equal(JsonValueKind.Array, fact.GetProperty("bbox").ValueKind);
        Assert.Equal("1.50", fact.GetProperty("value").GetRawText());
        var check = JsonDocument.Parse(File.ReadLines(_dir.File("jl/checks.jsonl")).First()).RootElement;
        Assert.Equal(2, check.GetProperty("evidence")[0].GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task ParquetTypesMoneyAsDecimalAndRoundTrips()
    {
        new StoreExporter(_store) { RowGroupSize = 5 }.Export("parquet", _dir.File("pq")); // several row groups
        await using var reader = await ParquetReader.CreateAsync(_dir.File("pq/facts.parquet"));
        var value = (DecimalDataField)reader.Schema.DataFields.Single(f => f.Name == "value");
        Assert.Equal(StoreExporter.MoneyPrecision, value.Precision);
        Assert.Equal(StoreExporter.MoneyScale, value.Scale);
        Assert.Equal(ExportQueries.Tables.Single(t => t.Name == "facts").Columns.Select(c => c.Name), reader.Schema.DataFields.Select(f => f.Name));
        Assert.True(reader.RowGroupCount >= 2);
        var values = new List<decimal?>();
        var keys = new List<string?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var v = new decimal?[group.RowCount];
            await group.ReadAsync<decimal>(value, v.AsMemory(), null, CancellationToken.None);
            var k = new string?[group.RowCount];
            await group.ReadAsync(reader.Schema.DataFields.Single(f => f.Name == "key"), k.AsMemory(), null, CancellationToken.None);
            values.AddRange(v);
            keys.AddRange(k);
        }
        Assert.Equal(7, values.Count);
        Assert.Contains(12.345678m, values);
        Assert.Contains(620.75m, values);
        Assert.Equal(6, keys.Count(k => k == "three_public.total"));
    }
}
