using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Core.Tests;

public class ConnectionTesterTests(DemoSim sim) : IClassFixture<DemoSim>
{
    [Fact]
    public async Task FullMemberPassesEveryRowOfTheSeedTable()
    {
        using var client = await Sim.ConnectAsync(sim.Host);
        var result = await ConnectionTester.TestAsync(client, "demo", CancellationToken.None);

        Assert.True(result.Success);
        Assert.True(result.SecurityReadable);
        Assert.Equal(9, result.Permissions.Count);
        Assert.All(result.Permissions, p => Assert.Equal(CheckStatus.Pass, p.Status));
        Assert.All(result.Permissions, p => Assert.Null(p.Fix));
        Assert.Equal("sync365demo", result.CompanyId);
        Assert.False(string.IsNullOrEmpty(result.ApiVersion));
        Assert.Equal(Sim.All<CwCompany>(client, "company/companies").Count, result.CompanyCount);
        Assert.Equal(Sim.All<CwAgreement>(client, "finance/agreements").Count, result.AgreementCount);
        Assert.Equal(Sim.All<CwCatalogItem>(client, "procurement/catalog").Count, result.ProductCount);
        Assert.DoesNotContain(result.TableSetup, t => t.Status == CheckStatus.Fail);
        Assert.Contains(result.TableSetup, t => t.Table == "Agreements/Agreement Type" && t.Status == CheckStatus.Pass);
    }

    [Fact]
    public async Task LimitedMemberFailsExactlyTheRowsItsRoleLacks()
    {
        using var client = await Sim.ConnectAsync(sim.Host, Scenarios.LimitedPublicKey, Scenarios.LimitedPrivateKey);
        var result = await ConnectionTester.TestAsync(client, null, CancellationToken.None);

        Assert.False(result.Success);
        var failed = result.Permissions.Where(p => p.Status == CheckStatus.Fail).ToDictionary(p => p.Module + " › " + p.Function);
        Assert.Equal(new[] { "Finance › Agreements", "Procurement › Products", "Service Desk › Service Tickets" }, failed.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { "Edit" }, failed["Finance › Agreements"].Missing);
        Assert.Equal(new[] { "Inquire" }, failed["Procurement › Products"].Missing);
        Assert.Equal(new[] { "Add" }, failed["Service Desk › Service Tickets"].Missing);
        Assert.Contains("Finance › Agreements: Edit Level to All", failed["Finance › Agreements"].Fix);
        Assert.Contains("Procurement › Products: Inquire Level to All", failed["Procurement › Products"].Fix);
        Assert.Contains("Service Desk › Service Tickets: Add Level to All", failed["Service Desk › Service Tickets"].Fix);
        Assert.All(failed.Values, p => Assert.Contains("System › Security Roles", p.Fix));
        Assert.Equal(6, result.Permissions.Count(p => p.Status == CheckStatus.Pass));
        Assert.Contains("403", failed["Procurement › Products"].Probe);
    }

    [Fact]
    public async Task WrongPrivateKeyIsAnAuthenticationErrorThatNeverShowsTheKey()
    {
        var ex = await Assert.ThrowsAsync<PsaApiException>(() => Sim.ConnectAsync(sim.Host, privateKey: "s3cr3t-wrong-key"));
        Assert.Equal("AuthenticationFailed", ex.ErrorId);
        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain("s3cr3t-wrong-key", ex.ToString());
    }

    [Fact]
    public async Task UnknownCompanyIsReportedAsSuch()
    {
        var ex = await Assert.ThrowsAsync<PsaApiException>(() => Sim.ConnectAsync(sim.Host, companyId: "nosuchcompany"));
        Assert.Equal("CompanyNotFound", ex.ErrorId);
        Assert.Contains("nosuchcompany", ex.Message);
    }

    [Fact]
    public async Task MissingClientIdIsRefusedBeforeAnyRequest()
    {
        var settings = Sim.Settings(sim.Host);
        settings.ClientId = Guid.Empty;
        var ex = await Assert.ThrowsAsync<PsaApiException>(() => ConnectWiseClient.ConnectAsync(settings, null, CancellationToken.None));
        Assert.Equal("ClientIdMissing", ex.ErrorId);
    }

    [Fact]
    public async Task UnreachableServerSaysWhatToCheck()
    {
        var settings = Sim.Settings(sim.Host);
        settings.Server = "http://127.0.0.1:1/";
        var ex = await Assert.ThrowsAsync<PsaApiException>(() => ConnectWiseClient.ConnectAsync(settings, null, CancellationToken.None));
        Assert.Equal(PsaErrorKind.Network, ex.Kind);
        Assert.Contains("-Server", ex.Message);
    }

    private static readonly RequiredRight Agreements = CwRequiredRights.Role.Single(r => r.Function == "Agreements");
    private static readonly RequiredRight Catalog = CwRequiredRights.Role.Single(r => r.Function == "Product Catalog");

    private static CwSecurityRoleSetting Setting(string module, string function, string add, string edit, string inquire) => new()
    {
        ModuleName = module,
        ModuleFunctionDescription = function,
        AddLevel = add,
        EditLevel = edit,
        DeleteLevel = "None",
        InquireLevel = inquire,
    };

    [Fact]
    public void RoleGrantingAllButApiRefusingIsAFail()
    {
        var row = ConnectionTester.Evaluate(Agreements, new[] { Setting("Finance", "Agreements", "All", "All", "All") }, null,
            new ConnectionTester.ProbeResult("finance/agreements/count", 403, null));
        Assert.Equal(CheckStatus.Fail, row.Status);
        Assert.Contains("403", row.Fix);
    }

    [Fact]
    public void MyLevelIsNotAll()
    {
        var row = ConnectionTester.Evaluate(Agreements, new[] { Setting("Finance", "Agreements", "All", "My", "All") }, null,
            new ConnectionTester.ProbeResult("finance/agreements/count", 200, 5));
        Assert.Equal(CheckStatus.Fail, row.Status);
        Assert.Equal(new[] { "Edit" }, row.Missing);
        Assert.Equal("Add All, Edit My, Inquire All", row.Granted);
    }

    [Fact]
    public void IdentifiersInsteadOfNamesStillMatch()
    {
        var s = new CwSecurityRoleSetting { ModuleIdentifier = "Procurement", ModuleFunctionIdentifier = "Product_Catalog", InquireLevel = "All" };
        Assert.Equal(CheckStatus.Pass, ConnectionTester.Evaluate(Catalog, new[] { s }, null, null).Status);
    }

    [Fact]
    public void UnreadableRoleLeavesWriteRightsUnknownAndInquireToTheProbe()
    {
        var denied = new PsaApiException(PsaErrorKind.Authorization, "PermissionDenied", "no") { StatusCode = 403 };
        Assert.Equal(CheckStatus.Unknown, ConnectionTester.Evaluate(Agreements, null, denied, new ConnectionTester.ProbeResult("finance/agreements/count", 200, 1)).Status);
        Assert.Equal(CheckStatus.Pass, ConnectionTester.Evaluate(Catalog, null, denied, new ConnectionTester.ProbeResult("procurement/catalog/count", 200, 1)).Status);
        Assert.Equal(CheckStatus.Fail, ConnectionTester.Evaluate(Catalog, null, denied, new ConnectionTester.ProbeResult("procurement/catalog/count", 403, null)).Status);
    }

    [Fact]
    public void RoleWithoutTheLineFailsEveryLevel()
    {
        var row = ConnectionTester.Evaluate(Agreements, Array.Empty<CwSecurityRoleSetting>(), null, null);
        Assert.Equal(CheckStatus.Fail, row.Status);
        Assert.Equal(new[] { "Add", "Edit", "Inquire" }, row.Missing);
        Assert.Contains("Add Level, Edit Level and Inquire Level to All", row.Fix);
    }
}
