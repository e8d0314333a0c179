using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

public class HttpsTests
{
    [Fact]
    public async Task KestrelCertificateSettingsEnableHttps()
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = Path.Combine(Path.GetTempPath(), $"sim-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "pw"));
        try
        {
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Urls = "https://127.0.0.1:0" },
                new[] { "--Kestrel:Certificates:Default:Path", pfx, "--Kestrel:Certificates:Default:Password", "pw" });
            Assert.Equal("https", host.BaseUrl.Scheme);
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, c, _, _) => c?.Thumbprint == cert.Thumbprint };
            using var c = new HttpClient(handler) { BaseAddress = host.BaseUrl };
            using var r = await c.GetAsync("login/companyinfo/sync365demo");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        finally { File.Delete(pfx); }
    }
}
