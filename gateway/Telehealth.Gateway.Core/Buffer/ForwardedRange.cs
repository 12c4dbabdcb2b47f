namespace Telehealth.Gateway.Core.Buffer;

/// <summary>
/// Rows of one priority lane that a destination now holds: offsets in (<see cref="AfterOffset"/>,
/// <see cref="LastOffset"/>]. <see cref="Checkpoint"/> names the lane checkpoint to move to LastOffset — set for a
/// batch read from the head of the lane, null for live readings taken from its tail.
/// </summary>
public sealed record ForwardedRange(int Priority, long AfterOffset, long LastOffset, string? Checkpoint);
