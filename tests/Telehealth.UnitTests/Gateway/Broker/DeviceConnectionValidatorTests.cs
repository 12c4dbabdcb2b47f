using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using Telehealth.Gateway.Core.Broker;
using Telehealth.Gateway.Core.Devices;
using Telehealth.Gateway.Core.Status;
using Telehealth.UnitTests.Gateway.Devices;

namespace Telehealth.UnitTests.Gateway.Broker;

/// <summary>Which CONNECT reason code a client gets, with and without required device credentials.</summary>
public sealed class DeviceConnectionValidatorTests
{
    private static DeviceConnectionValidator Validator(bool requireCredentials = true) => new(
        new DeviceRegistry(Options.Create(DeviceTestConfiguration.Bind(
            ("Devices:Mqtt:0:Id", "watch-1"), ("Devices:Mqtt:0:PasswordSha256", DeviceTestConfiguration.Sha256("secret-1")),
            ("Devices:Mqtt:1:Id", "watch-2"), ("Devices:Mqtt:1:PasswordSha256", DeviceTestConfiguration.Sha256("secret-2"))))),
        ReadingPublishHandlerTests.BrokerSettings(requireCredentials),
        new GatewayCounters(),
        NullLogger<DeviceConnectionValidator>.Instance);

    [Theory]
    [InlineData("watch-1", "watch-1", "secret-1", MqttConnectReasonCode.Success)]
    [InlineData("watch-1", "watch-1", "secret-2", MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData("watch-1", "watch-1", null, MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData("watch-1", null, null, MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData("watch-3", "watch-3", "secret-1", MqttConnectReasonCode.BadUserNameOrPassword)]
    [InlineData("watch-1", "watch-2", "secret-2", MqttConnectReasonCode.NotAuthorized)]
    [InlineData("watch 1", "watch-1", "secret-1", MqttConnectReasonCode.ClientIdentifierNotValid)]
    [InlineData("", "watch-1", "secret-1", MqttConnectReasonCode.ClientIdentifierNotValid)]
    public void Decide_CredentialsRequired_OnlyAnEnrolledDeviceAsItself(string clientId, string? username, string? password, MqttConnectReasonCode expected)
        => Assert.Equal(expected, Validator().Decide(clientId, username, password is null ? [] : Encoding.UTF8.GetBytes(password), password is not null));

    [Theory]
    [InlineData("anything", null, null)]
    [InlineData("watch-1", "watch-1", "wrong")]
    public void Decide_CredentialsNotRequired_LetsEveryoneIn(string clientId, string? username, string? password)
        => Assert.Equal(MqttConnectReasonCode.Success,
            Validator(requireCredentials: false).Decide(clientId, username, password is null ? [] : Encoding.UTF8.GetBytes(password), password is not null));
}
