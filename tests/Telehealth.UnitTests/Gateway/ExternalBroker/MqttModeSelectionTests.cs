using Microsoft.Extensions.Configuration;
using Telehealth.Gateway.Core.ExternalBroker;

namespace Telehealth.UnitTests.Gateway.ExternalBroker;

public sealed class MqttModeSelectionTests
{
    private static IConfiguration With(string? mode)
        => new ConfigurationBuilder().AddInMemoryCollection(mode is null ? [] : [new KeyValuePair<string, string?>("Mqtt:Mode", mode)]).Build();

    [Theory]
    [InlineData(null, MqttMode.Embedded)]
    [InlineData("", MqttMode.Embedded)]
    [InlineData("Embedded", MqttMode.Embedded)]
    [InlineData("External", MqttMode.External)]
    [InlineData("external", MqttMode.External)]
    public void Mode_IsReadFromMqttMode_EmbeddedByDefault(string? value, MqttMode expected)
        => Assert.Equal(expected, MqttModeSelection.Read(With(value)));

    [Theory]
    [InlineData("1")]
    [InlineData("Mosquitto")]
    [InlineData("External,Embedded")]
    public void UnknownMode_StopsTheGateway_NamingTheKey(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => MqttModeSelection.Read(With(value)));

        Assert.Contains("Mqtt:Mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("External", error.Message, StringComparison.Ordinal);
    }
}
