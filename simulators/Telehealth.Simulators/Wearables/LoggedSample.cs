namespace Telehealth.Simulators.Wearables;

/// <summary>One line of an <see cref="AckLog"/> file: a sample a device published or had acknowledged.</summary>
public sealed record LoggedSample(string Device, string Metric, long TimeMs, IReadOnlyList<KeyValuePair<string, double>> Values);
