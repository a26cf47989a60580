using System.Globalization;
using System.Text.Json;
using Extractor.Core.Report;

namespace Extractor.Store.Writing;

/// <summary>
/// One report flattened into the rows the store's tables hold, computed once so that both stores write exactly the
/// same values: money as decimals (SQLite prints them as text), JSON columns as their compact text, times as UTC.
/// </summary>
internal sealed record StoredRows(
    DocumentRow Document, IReadOnlyList<SectionRow> Sections, IReadOnlyList<TableRow> Tables,
    IReadOnlyList<RowRow> Rows, IReadOnlyList<CellRow> Cells, IReadOnlyList<TextCellRow> TextCells, IReadOnlyList<FactRow> Facts,
    IReadOnlyList<CheckRow> Checks)
{
    public static StoredRows Ok(string sha256, DocumentOrigin origin, Report report, TimeSpan? duration)
    {
        var d = report.Document;
        var version = d.ExtractorVersion;
        var doc = new DocumentRow(sha256, origin.Source, origin.FoundOn, origin.LinkText, d.MediaType, d.Kind, d.Scope,
            d.Agency, d.FiscalYear, d.PublishedOn, d.Unit, d.Pages, origin.SizeBytes,
            report.IsPartial ? "partial" : "ok", report.IsPartial ? ExtractorStore.PartialReason(report) : null,
            report.StageFailures is { Count: > 0 } broke ? string.Join("; ", broke.Select(x => $"{x.Stage}: {x.Reason}")) : null,
            d.Evidence.Count > 0 ? Json(d.Evidence) : null, report.Warnings.Count > 0 ? Json(report.Warnings) : null,
            version, StoreClock.Now(), Ms(duration));
        var sections = report.Sections.Select((s, i) =>
            new SectionRow(i, s.Id, s.Heading, s.Level, s.Page, s.PageEnd, s.Confidence, s.Text)).ToList();
        var tables = new List<TableRow>(report.Tables.Count);
        var rows = new List<RowRow>();
        var cells = new List<CellRow>();
        var texts = new List<TextCellRow>();
        for (var t = 0; t < report.Tables.Count; t++)
        {
            var table = report.Tables[t];
            tables.Add(new TableRow(t, table.Id, table.Title, table.PageStart, table.PageEnd, table.Unit, Json(table.Columns),
                Bbox(table.Bbox), table.Method));
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var p = row.Provenance;
                rows.Add(new RowRow(t, r, row.Code, row.Label, row.Level, row.Side, row.Group, p?.Page, Bbox(p?.Bbox), p?.Path, p?.Printed,
                    row.Roles is { Count: > 0 } roles ? Json(roles) : null));
                foreach (var (column, value) in row.Values)
                {
                    var at = row.Cells?.GetValueOrDefault(column);
                    cells.Add(new CellRow(rows.Count - 1, column, value, Bbox(at?.Bbox), at?.Path));
                }
                foreach (var (column, text) in row.Texts ?? [])
                    texts.Add(new TextCellRow(rows.Count - 1, column, text, Bbox(row.Cells?.GetValueOrDefault(column)?.Bbox)));
            }
        }
        var facts = report.Facts.Select((f, i) => new FactRow(i, f.Key, f.Value, f.Unit, f.Provenance.Page,
            Bbox(f.Provenance.Bbox), f.Provenance.Path, f.Provenance.Printed, f.Provenance.PrintedUnit, f.Provenance.Table,
            f.Provenance.Kind, f.Provenance.Confidence)).ToList();
        var checks = report.Checks.Select((c, i) => new CheckRow(i, c.Rule, c.Status, c.Expected, c.Actual, c.Tolerance,
            c.Message, c.Evidence.Count > 0 ? Json(c.Evidence) : null)).ToList();
        return new StoredRows(doc, sections, tables, rows, cells, texts, facts, checks);
    }

    public static DocumentRow Failed(string sha256, DocumentOrigin origin, string reason, string message, string extractorVersion,
        string? mediaType, TimeSpan? duration) =>
        new(sha256, origin.Source, origin.FoundOn, origin.LinkText, mediaType, null, null, null, null, null, null, null,
            origin.SizeBytes, "failed", reason, message, null, null, extractorVersion, StoreClock.Now(), Ms(duration));

    /// <summary>A decimal as the store's text: invariant, scale kept ("6.180"), never an exponent.</summary>
    public static string? Dec(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static long? Ms(TimeSpan? duration) => (long?)duration?.TotalMilliseconds;
    private static string? Bbox(double[]? bbox) => bbox is null ? null : JsonSerializer.Serialize(bbox);
    private static string Json<T>(T value) => ReportJson.Serialize(value, indented: false);
}

internal sealed record DocumentRow(
    string Sha256, string Source, string? FoundOn, string? LinkText, string? MediaType, string? Kind, string? Scope,
    string? Agency, int? FiscalYear, string? PublishedOn, string? Unit, int? Pages, long? SizeBytes, string Status,
    string? ErrorReason, string? ErrorMessage, string? Evidence, string? Warnings, string ExtractorVersion,
    DateTime IngestedAt, long? DurationMs);

internal sealed record SectionRow(int Ord, string Id, string Heading, int Level, int Page, int? PageEnd, double Confidence, string Text);

internal sealed record TableRow(int Ord, string Id, string? Title, int PageStart, int PageEnd, string? Unit, string Columns, string? Bbox, string? Method);

/// <summary>A table row; <see cref="Table"/> is the index of its table in <see cref="StoredRows.Tables"/>.</summary>
internal sealed record RowRow(int Table, int Ord, string? Code, string Label, int? Level, string? Side, string? Group,
    int? Page, string? Bbox, string? Path, string? Printed, string? Roles);

/// <summary>A cell; <see cref="Row"/> is the index of its row in <see cref="StoredRows.Rows"/>.</summary>
internal sealed record CellRow(int Row, string Column, decimal Value, string? Bbox, string? Path);

/// <summary>A cell of words (a performance form's indicator, target as printed…); <see cref="Row"/> as in <see cref="CellRow"/>.</summary>
internal sealed record TextCellRow(int Row, string Column, string Text, string? Bbox);

internal sealed record FactRow(int Ord, string Key, decimal Value, string? Unit, int Page, string? Bbox, string? Path,
    string? Printed, string? PrintedUnit, string? Table, string? Kind, double? Confidence);

internal sealed record CheckRow(int Ord, string Rule, string Status, decimal? Expected, decimal? Actual, decimal? Tolerance,
    string? Message, string? Evidence);

/// <summary>The store's clock: UTC to the millisecond (what SQLite's text keeps, so both stores hold the same time).</summary>
internal static class StoreClock
{
    public static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    public static string Text(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
