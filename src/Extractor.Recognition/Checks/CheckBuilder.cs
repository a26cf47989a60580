using Extractor.Core.Report;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Collects check results. Failures are reported one by one with their figures and evidence; the
/// passing instances of a rule are folded into one pass (with the first instance's figures) so the
/// report stays readable on tables with hundreds of rows.
/// </summary>
public sealed class CheckBuilder
{
    private readonly List<Check> _fails = [];
    private readonly Dictionary<string, (Check First, int Count)> _passes = [];
    private readonly List<Check> _other = [];

    public void Compare(string rule, decimal expected, decimal actual, decimal tolerance, string message, params Provenance?[] evidence)
    {
        var ok = Tolerance.Within(expected, actual, tolerance);
        var check = new Check
        {
            Rule = rule, Status = ok ? CheckStatus.Pass : CheckStatus.Fail, Expected = expected, Actual = actual,
            Tolerance = tolerance, Message = message, Evidence = evidence.OfType<Provenance>().Select(Evidence).ToList(),
        };
        if (!ok) { _fails.Add(check); return; }
        _passes[rule] = _passes.TryGetValue(rule, out var p) ? (p.First, p.Count + 1) : (check, 1);
    }

    /// <summary>A figure that may not exceed a bound (an indicator's 得分 against its 分值).</summary>
    public void AtMost(string rule, decimal bound, decimal actual, string message, params Provenance?[] evidence)
    {
        var check = new Check
        {
            Rule = rule, Status = actual <= bound ? CheckStatus.Pass : CheckStatus.Fail, Expected = bound, Actual = actual,
            Tolerance = 0, Message = message, Evidence = evidence.OfType<Provenance>().Select(Evidence).ToList(),
        };
        if (check.Status == CheckStatus.Fail) { _fails.Add(check); return; }
        _passes[rule] = _passes.TryGetValue(rule, out var p) ? (p.First, p.Count + 1) : (check, 1);
    }

    public void Missing(string rule, string status, string message) =>
        _other.Add(new Check { Rule = rule, Status = status, Message = message });

    public List<Check> Build()
    {
        var all = new List<Check>(_fails);
        foreach (var (rule, (first, count)) in _passes)
        {
            if (_fails.Any(f => f.Rule == rule)) continue;
            all.Add(count == 1 ? first : new Check
            {
                Rule = rule, Status = CheckStatus.Pass, Expected = first.Expected, Actual = first.Actual, Tolerance = first.Tolerance,
                Message = $"{first.Message} (and {count - 1} more)", Evidence = first.Evidence,
            });
        }
        all.AddRange(_other.Where(o => !_passes.ContainsKey(o.Rule) && _fails.All(f => f.Rule != o.Rule)));
        return all;
    }

    private static Provenance Evidence(Provenance p) => new() { Kind = p.Kind, Table = p.Table, Page = p.Page, Bbox = p.Bbox, Path = p.Path, Printed = p.Printed };
}
