using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Xunit;

namespace Sync365.Core.Tests;

public class ResolveSiteRootTests
{
    [Theory]
    [InlineData("api-na.myconnectwise.net", "https://api-na.myconnectwise.net/")]
    [InlineData("na.myconnectwise.net", "https://api-na.myconnectwise.net/")]
    [InlineData("https://eu.myconnectwise.net/v4_6_release/", "https://api-eu.myconnectwise.net/")]
    [InlineData("https://cw.contoso.com:8443", "https://cw.contoso.com:8443/")]
    [InlineData("http://127.0.0.1:5365", "http://127.0.0.1:5365/")]
    [InlineData("http://localhost:5365", "http://localhost:5365/")]
    public void Servers_are_normalised_to_the_api_site_root(string server, string expected)
    {
        Assert.Equal(expected, ConnectWiseClient.ResolveSiteRoot(server, allowUnencrypted: false).ToString());
    }

    [Fact]
    public void Plain_http_to_a_remote_host_is_refused_unless_allowed()
    {
        var ex = Assert.Throws<PsaApiException>(() => ConnectWiseClient.ResolveSiteRoot("http://cw.contoso.com", allowUnencrypted: false));
        Assert.Equal("UnencryptedAuthenticationRefused", ex.ErrorId);
        Assert.Contains("-AllowUnencryptedAuthentication", ex.Message);
        Assert.Equal("http://cw.contoso.com/", ConnectWiseClient.ResolveSiteRoot("http://cw.contoso.com", allowUnencrypted: true).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ftp://cw.contoso.com")]
    [InlineData("https://")]
    public void Nonsense_servers_say_what_to_pass(string server)
    {
        var ex = Assert.Throws<PsaApiException>(() => ConnectWiseClient.ResolveSiteRoot(server, allowUnencrypted: false));
        Assert.Equal(PsaErrorKind.Configuration, ex.Kind);
        Assert.Contains("-Server", ex.Message);
    }
}
