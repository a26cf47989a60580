namespace Extractor.Ocr.PpOcr;

/// <summary>
/// DB (differentiable binarisation) post-processing, as PaddleOCR does it: the probability map is thresholded, each
/// connected region becomes its minimum-area rectangle, a rectangle whose mean probability is low is dropped, and the
/// survivors are grown back by the margin the network was trained to shrink text by (area × ratio / perimeter).
/// </summary>
public static class DbPostProcess
{
    /// <summary>Boxes in map pixels.</summary>
    public static List<RotatedBox> Boxes(float[] map, int width, int height, PpOcrOptions options)
    {
        var threshold = (float)options.DetectionThreshold;
        var label = new int[map.Length];
        var boxes = new List<RotatedBox>();
        var stack = new Stack<int>();
        var next = 0;
        for (var start = 0; start < map.Length && boxes.Count < options.MaxRegions; start++)
        {
            if (label[start] != 0 || map[start] <= threshold) continue;
            next++;
            // One region (8-connected): its boundary pixels' corners are what the rectangle must enclose.
            var corners = new List<(double X, double Y)>();
            label[start] = next;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                int x = i % width, y = i / width;
                var boundary = false;
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        if (dx == 0 && dy == 0) continue;
                        int nx = x + dx, ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) { boundary = true; continue; }
                        var j = ny * width + nx;
                        if (map[j] <= threshold) { boundary = true; continue; }
                        if (label[j] != 0) continue;
                        label[j] = next;
                        stack.Push(j);
                    }
                if (boundary) corners.AddRange([(x, y), (x + 1, y), (x, y + 1), (x + 1, y + 1)]);
            }
            var box = RotatedBox.MinimumArea(corners);
            if (Math.Min(box.Width, box.Height) < options.MinBoxSide) continue;
            if (MeanInside(map, width, height, box) < options.BoxThreshold) continue;
            var grown = box.Grow(box.Width * box.Height * options.UnclipRatio / (2 * (box.Width + box.Height)));
            if (Math.Min(grown.Width, grown.Height) < options.MinBoxSide + 2) continue;
            boxes.Add(grown);
        }
        return boxes;
    }

    /// <summary>Mean probability over the pixels whose centres lie in the box (PaddleOCR's box score).</summary>
    private static double MeanInside(float[] map, int width, int height, RotatedBox box)
    {
        var (left, top, right, bottom) = box.Bounds;
        double sum = 0;
        var count = 0;
        for (var y = Math.Max(0, (int)top); y < Math.Min(height, (int)Math.Ceiling(bottom)); y++)
            for (var x = Math.Max(0, (int)left); x < Math.Min(width, (int)Math.Ceiling(right)); x++)
            {
                if (!box.Contains(x + 0.5, y + 0.5)) continue;
                sum += map[y * width + x];
                count++;
            }
        return count == 0 ? 0 : sum / count;
    }
}
