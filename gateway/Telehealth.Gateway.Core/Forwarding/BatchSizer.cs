using Telehealth.Gateway.Core.Buffer;

namespace Telehealth.Gateway.Core.Forwarding;

/// <summary>Cuts a batch so its JSON stays under a byte bound (an estimate, on the safe side).</summary>
public static class BatchSizer
{
    /// <summary>Estimated JSON bytes of one reading in a batch.</summary>
    public static int EstimateBytes(BufferedReading row)
    {
        var reading = row.Reading;
        var size = 110 + reading.DeviceId.Length + reading.Metric.Length + reading.Unit.Length;
        foreach (var name in reading.Values.Keys)
        {
            size += name.Length + 28;
        }

        return size;
    }

    /// <summary>The longest prefix of <paramref name="rows"/> within <paramref name="maxBytes"/> (at least one row).</summary>
    public static IReadOnlyList<BufferedReading> Cut(IReadOnlyList<BufferedReading> rows, int maxBytes, out bool cut)
    {
        var total = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            total += EstimateBytes(rows[i]);
            if (total > maxBytes && i > 0)
            {
                cut = true;
                return rows.Take(i).ToList();
            }
        }

        cut = false;
        return rows;
    }
}
