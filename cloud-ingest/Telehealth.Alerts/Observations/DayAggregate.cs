namespace Telehealth.Alerts.Observations;

/// <summary>The readings of one metric on one local day, folded.</summary>
public struct DayAggregate
{
    /// <summary>Number of readings.</summary>
    public int Count { get; private set; }

    /// <summary>Sum of the values.</summary>
    public double Sum { get; private set; }

    /// <summary>Lowest value.</summary>
    public double Min { get; private set; }

    /// <summary>Highest value.</summary>
    public double Max { get; private set; }

    /// <summary>The value of the earliest reading of the day.</summary>
    public double First { get; private set; }

    /// <summary>The value of the latest reading of the day.</summary>
    public double Last { get; private set; }

    /// <summary>Bit h set when a reading fell in local hour h (wear time for the wearable).</summary>
    public int HoursMask { get; private set; }

    /// <summary>Mean of the values.</summary>
    public readonly double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Number of distinct local hours with a reading.</summary>
    public readonly int HoursWithData => System.Numerics.BitOperations.PopCount((uint)HoursMask);

    /// <summary>Folds one reading in; readings arrive in time order.</summary>
    public void Add(double value, int localHour)
    {
        if (Count == 0)
        {
            Min = value;
            Max = value;
            First = value;
        }
        else
        {
            Min = Math.Min(Min, value);
            Max = Math.Max(Max, value);
        }

        Last = value;
        Sum += value;
        Count++;
        HoursMask |= 1 << localHour;
    }
}
