namespace Telehealth.Ingest.Batches;

/// <summary>The checked field keys of the current reading's components, whether <c>received_ms</c> sorts before each, and their ordinal order.</summary>
internal sealed class CheckedFields
{
    public byte[][] Keys { get; } = new byte[ReadingComponents.Capacity][];

    public bool[] ReceivedFirst { get; } = new bool[ReadingComponents.Capacity];

    public int[] Order { get; } = new int[ReadingComponents.Capacity];

    /// <summary>Sorts <see cref="Order"/> by the components' names, ordinally (as <c>PointData</c> sorts its fields).</summary>
    public void SortBy(string[] names, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var at = n;
            while (at > 0 && string.CompareOrdinal(names[Order[at - 1]], names[n]) > 0)
            {
                Order[at] = Order[at - 1];
                at--;
            }

            Order[at] = n;
        }
    }
}
