using System.Net;
using Telehealth.Gateway.Core.Forwarding;

namespace Telehealth.UnitTests.Gateway.Forwarding;

public sealed class UnenrolledDevicesProblemTests
{
    [Fact]
    public void Forbidden_WithTheExtensionMember_ListsTheDevices()
        => Assert.Equal(["dev-2", "dev-9"], IngestClient.UnenrolledDevicesIn(HttpStatusCode.Forbidden,
            """{"title":"Forbidden","status":403,"unenrolledDevices":["dev-2","dev-9"]}"""));

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, """{"title":"Forbidden","status":403,"detail":"a gateway may write only for its bound patient"}""")]
    [InlineData(HttpStatusCode.Unauthorized, """{"unenrolledDevices":["dev-2"]}""")]
    [InlineData(HttpStatusCode.Forbidden, "not json")]
    [InlineData(HttpStatusCode.Forbidden, """["dev-2"]""")]
    [InlineData(HttpStatusCode.Forbidden, """{"unenrolledDevices":"dev-2"}""")]
    [InlineData(HttpStatusCode.Forbidden, "")]
    public void AnyOtherAnswer_ListsNothing(HttpStatusCode status, string body)
        => Assert.Empty(IngestClient.UnenrolledDevicesIn(status, body));
}
