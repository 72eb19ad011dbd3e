using System.Globalization;

namespace SoapMiddleware.Model;

/// <summary>
/// A [Range] over a numeric member. Integers and decimals compare as decimal (exact for every long/ulong),
/// float and double as double, so no bound is rounded.
/// </summary>
internal sealed class NumericRange(double min, double max, bool minExclusive, bool maxExclusive)
{
    public double Min { get; } = min;

    public double Max { get; } = max;

    public bool MinExclusive { get; } = minExclusive;

    public bool MaxExclusive { get; } = maxExclusive;

    public bool Contains(object value)
    {
        if (value is double or float)
        {
            var d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            return (MinExclusive ? d > Min : d >= Min) && (MaxExclusive ? d < Max : d <= Max);
        }

        var m = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return AboveMin(m) && BelowMax(m);
    }

    public string Describe()
        => (MinExclusive ? "(" : "") + Format(Min) + ".." + Format(Max) + (MaxExclusive ? ")" : "");

    public static string Format(double bound) => bound.ToString("R", CultureInfo.InvariantCulture);

    private bool AboveMin(decimal m)
    {
        if (Min < (double)decimal.MinValue)
        {
            return true;
        }

        var min = (decimal)Min;
        return MinExclusive ? m > min : m >= min;
    }

    private bool BelowMax(decimal m)
    {
        if (Max > (double)decimal.MaxValue)
        {
            return true;
        }

        var max = (decimal)Max;
        return MaxExclusive ? m < max : m <= max;
    }
}
