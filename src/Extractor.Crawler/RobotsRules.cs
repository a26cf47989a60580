using System.Text.RegularExpressions;

namespace Extractor.Crawler;

/// <summary>
/// robots.txt (RFC 9309): the group naming our product token, else the * group; Allow/Disallow paths with * and $;
/// the longest matching rule wins, Allow on a tie; Crawl-delay read when given. No file (4xx): everything allowed.
/// An unreachable robots.txt (5xx, network error): nothing allowed, as the RFC asks.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow, Regex Rx)> _rules;

    private RobotsRules(List<(string, bool, Regex)> rules, TimeSpan? crawlDelay, bool disallowAll = false)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        DisallowAll = disallowAll;
    }

    public static RobotsRules AllowAll { get; } = new([], null);
    public static RobotsRules Unreachable { get; } = new([], null, disallowAll: true);

    public TimeSpan? CrawlDelay { get; }
    public bool DisallowAll { get; }

    public bool IsAllowed(Uri url)
    {
        if (DisallowAll) return url.AbsolutePath == "/robots.txt";
        var path = url.PathAndQuery;
        (int Length, bool Allow)? best = null;
        foreach (var (pattern, allow, rx) in _rules)
        {
            if (!rx.IsMatch(path)) continue;
            if (best is null || pattern.Length > best.Value.Length || pattern.Length == best.Value.Length && allow)
                best = (pattern.Length, allow);
        }
        return best?.Allow ?? true;
    }

    public static RobotsRules Parse(string text, string userAgentToken)
    {
        var groups = new List<(List<string> Agents, List<(string, bool, Regex)> Rules, TimeSpan? Delay)>();
        List<string>? agents = null;
        List<(string, bool, Regex)>? rules = null;
        TimeSpan? delay = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine;
            var hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (!lastWasAgent)
                {
                    agents = [];
                    rules = [];
                    delay = null;
                    groups.Add((agents, rules, null));
                }
                agents!.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (rules is null) continue;
            switch (key)
            {
                case "allow" or "disallow" when value.Length > 0:
                    rules.Add((value, key == "allow", ToRegex(value)));
                    break;
                case "crawl-delay" when double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0:
                    delay = TimeSpan.FromSeconds(Math.Min(s, 60));
                    groups[^1] = (groups[^1].Agents, groups[^1].Rules, delay);
                    break;
            }
        }
        var token = userAgentToken.ToLowerInvariant();
        var mine = groups.Where(g => g.Agents.Any(a => a != "*" && token.Contains(a))).ToList();
        if (mine.Count == 0) mine = groups.Where(g => g.Agents.Contains("*")).ToList();
        return new RobotsRules(mine.SelectMany(g => g.Rules).ToList(), mine.Select(g => g.Delay).FirstOrDefault(d => d is not null));
    }

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var rx = "^" + string.Join(".*", body.Split('*').Select(Regex.Escape)) + (anchored ? "$" : "");
        return new Regex(rx, RegexOptions.CultureInvariant);
    }
}
