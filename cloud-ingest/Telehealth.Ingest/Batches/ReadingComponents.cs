namespace Telehealth.Ingest.Batches;

/// <summary>
/// The current reading's <c>values</c>: component names, values and where each value's JSON text lies in the body (so a
/// canonical number can be copied to the line as it is). A repeated name keeps its last value, as the contract's
/// serializer does. Beyond <see cref="Capacity"/> components (no metric has that many) the values move to a dictionary
/// and the reading takes the slow path, which rejects it with the catalogue's reason.
/// </summary>
internal sealed class ReadingComponents
{
    /// <summary>The most components kept in the arrays.</summary>
    public const int Capacity = 16;

    public string[] Names { get; } = new string[Capacity];

    public double[] Values { get; } = new double[Capacity];

    public int[] TextStart { get; } = new int[Capacity];

    public int[] TextLength { get; } = new int[Capacity];

    public int Count { get; private set; }

    /// <summary>True when there were more than <see cref="Capacity"/> distinct names: they are in <see cref="Overflow"/>.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>All values when <see cref="Overflowed"/>; otherwise filled only by <see cref="ToDictionary"/>.</summary>
    public Dictionary<string, double> Overflow { get; } = new(StringComparer.Ordinal);

    public void Clear()
    {
        Count = 0;
        Overflowed = false;
        Overflow.Clear();
    }

    public void Add(string name, double value, int textStart, int textLength)
    {
        if (Overflowed)
        {
            Overflow[name] = value;
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.Ordinal))
            {
                Values[i] = value;
                TextStart[i] = textStart;
                TextLength[i] = textLength;
                return;
            }
        }

        if (Count == Capacity)
        {
            ToDictionary();
            Overflowed = true;
            Overflow[name] = value;
            return;
        }

        Names[Count] = name;
        Values[Count] = value;
        TextStart[Count] = textStart;
        TextLength[Count] = textLength;
        Count++;
    }

    /// <summary>The values as the dictionary <c>IngestReading.Values</c> holds (the slow path's input).</summary>
    public Dictionary<string, double> ToDictionary()
    {
        if (!Overflowed)
        {
            Overflow.Clear();
            for (var i = 0; i < Count; i++)
            {
                Overflow[Names[i]] = Values[i];
            }
        }

        return Overflow;
    }
}
