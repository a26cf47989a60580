namespace Extractor.Tables.Geometry;

/// <summary>A horizontal ruling: y and its x extent (X1 ≤ X2).</summary>
public readonly record struct HSeg(double Y, double X1, double X2)
{
    public double Length => X2 - X1;
}

/// <summary>A vertical ruling: x and its y extent (Y1 ≤ Y2).</summary>
public readonly record struct VSeg(double X, double Y1, double Y2)
{
    public double Length => Y2 - Y1;
}
