using System.Text.Json.Serialization;

namespace Telehealth.Ingest.Contracts.Batches;

/// <summary>One reading of an <see cref="IngestSeries"/>; on the wire the array <c>[id, deviceTimeMs, receivedAtMs, value…]</c>.</summary>
/// <param name="Id">The gateway's buffer offset for the reading; echoed in the result.</param>
/// <param name="DeviceTimeMs">The device's own timestamp, Unix epoch milliseconds (UTC). Part of the point key.</param>
/// <param name="ReceivedAtMs">When the gateway received it, Unix epoch milliseconds by the gateway's clock.</param>
/// <param name="Values">One value per component of the series, in its order.</param>
[JsonConverter(typeof(IngestPointJsonConverter))]
public sealed record IngestPoint(long Id, long DeviceTimeMs, long ReceivedAtMs, IReadOnlyList<double> Values);
