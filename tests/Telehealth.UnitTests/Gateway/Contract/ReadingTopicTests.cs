using Telehealth.Gateway.Core.Contract;

namespace Telehealth.UnitTests.Gateway.Contract;

public sealed class ReadingTopicTests
{
    [Theory]
    [InlineData("telehealth/v1/devices/hr-strap-1/readings", "hr-strap-1")]
    [InlineData("telehealth/v1/devices/A.b_C-9/readings", "A.b_C-9")]
    public void ValidTopic_YieldsDeviceId(string topic, string device)
    {
        Assert.True(ReadingTopic.TryParse(topic, out var id, out var error), error);
        Assert.Equal(device, id);
        Assert.Equal(topic, ReadingTopic.For(device));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("telehealth/v1/devices//readings")]
    [InlineData("telehealth/v1/devices/a/b/readings")]
    [InlineData("telehealth/v1/devices/dev 1/readings")]
    [InlineData("telehealth/v2/devices/dev1/readings")]
    [InlineData("telehealth/v1/devices/dev1/status")]
    public void InvalidTopic_IsRefusedWithReason(string? topic)
    {
        Assert.False(ReadingTopic.TryParse(topic, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void DeviceId_LongerThan64_IsRefused()
    {
        Assert.False(ReadingTopic.TryParse(ReadingTopic.For(new string('a', 65)), out _, out _));
        Assert.True(ReadingTopic.TryParse(ReadingTopic.For(new string('a', 64)), out _, out _));
    }
}
