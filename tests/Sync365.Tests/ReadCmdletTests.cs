using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Xunit;

namespace Sync365.Tests;

public class ReadCmdletTests(PowerShellSim sim) : IClassFixture<PowerShellSim>
{
    public static readonly TheoryData<string> HostileNames = new() { "O'Brien & Sons", "Zürich \"Alpen\" AG", "Smith + Jones #1", "Fabrikam, Inc.", "100% Pure (NZ) Ltd" };

    [Fact]
    public async Task SelectFirstFiveMakesOneRequest()
    {
        await sim.ResetStatsAsync();
        var five = sim.Objects<Agreement>("Get-S365Agreement | Select-Object -First 5");
        Assert.Equal(5, five.Count);
        Assert.Equal(1, await sim.RequestsAsync("GET", "/finance/agreements"));
    }

    [Fact]
    public void DefaultStatusIsActiveAndAllReturnsEveryAgreement()
    {
        var all = sim.All<CwAgreement>("finance/agreements");
        var active = sim.Objects<Agreement>("Get-S365Agreement");
        Assert.Equal(all.Where(a => a.AgreementStatus == "Active").Select(a => a.Id).OrderBy(i => i), active.Select(a => a.Id).OrderBy(i => i));
        Assert.True(all.Count > active.Count, "the demo should hold agreements that are not active");
        Assert.Equal(all.Count, sim.Invoke("Get-S365Agreement -Status All").Count);
        Assert.All(sim.Objects<Agreement>("Get-S365Agreement -Status Cancelled"), a => Assert.Equal("Cancelled", a.Status));
    }

    [Fact]
    public async Task AgreementsPipedToAdditionsReturnEveryActiveAdditionThroughBundles()
    {
        var agreements = sim.All<CwAgreement>("finance/agreements", "agreementStatus=\"Active\"");
        var now = DateTimeOffset.UtcNow;
        var expected = new List<long>();
        foreach (var a in agreements)
        {
            expected.AddRange(sim.All<CwAddition>($"finance/agreements/{a.Id}/additions").Where(x => x.CancelledDate == null || x.CancelledDate > now).Select(x => x.Id));
        }

        await sim.ResetStatsAsync();
        var additions = sim.Objects<Addition>("Get-S365Agreement | Get-S365Addition");

        Assert.Equal(expected.OrderBy(i => i), additions.Select(a => a.Id).OrderBy(i => i));
        Assert.Equal((agreements.Count + 24) / 25, await sim.RequestsAsync("POST", "/system/bundles"));
        Assert.Equal(0, await sim.RequestsAsync("GET", "/finance/agreements/{parentId}/additions"));
        var names = agreements.ToDictionary(a => a.Id);
        Assert.All(additions, x =>
        {
            Assert.Equal(names[x.AgreementId].Name, x.AgreementName);
            Assert.Equal(names[x.AgreementId].Company!.Name, x.CompanyName);
            Assert.Equal(names[x.AgreementId].Company!.Id, x.CompanyId);
            Assert.Contains("recid=" + x.AgreementId, x.PsaUrl);
        });
    }

    [Fact]
    public void IncludeCancelledReturnsEveryAdditionTheSimulatorHolds()
    {
        long expected = sim.All<CwAgreement>("finance/agreements").Sum(a => sim.Client.CountAsync($"finance/agreements/{a.Id}/additions", null, CancellationToken.None).GetAwaiter().GetResult());
        var count = sim.Invoke("Get-S365Agreement -Status All | Get-S365Addition -IncludeCancelled").Count;
        Assert.Equal(expected, count);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void HostileCompanyNamesAreFoundExactly(string name)
    {
        var vars = new Dictionary<string, object?> { ["n"] = name };
        var companies = sim.Invoke("Get-S365Company -Name $n", variables: vars).Select(o => (Company)o.BaseObject).ToList();
        Assert.Equal(name, Assert.Single(companies).Name);

        var expected = sim.All<CwAgreement>("finance/agreements").Where(a => a.Company?.Name == name).Select(a => a.Id).OrderBy(i => i).ToList();
        var byName = sim.Invoke("Get-S365Agreement -Company ([WildcardPattern]::Escape($n)) -Status All", variables: vars).Select(o => ((Agreement)o.BaseObject).Id).OrderBy(i => i).ToList();
        var piped = sim.Invoke("Get-S365Company -Name $n | Get-S365Agreement -Status All", variables: vars).Select(o => ((Agreement)o.BaseObject).Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, byName);
        Assert.Equal(expected, piped);
    }

    [Fact]
    public async Task PipedCompaniesAreAskedForTogether()
    {
        var companies = sim.Invoke("Get-S365Company").Count;
        await sim.ResetStatsAsync();
        var fromPipe = sim.Objects<Agreement>("Get-S365Company | Get-S365Agreement").Select(a => a.Id).OrderBy(i => i).ToList();
        Assert.Equal((companies + 199) / 200, await sim.RequestsAsync("GET", "/finance/agreements"));
        Assert.Equal(sim.Objects<Agreement>("Get-S365Agreement").Select(a => a.Id).OrderBy(i => i), fromPipe);
    }

    [Fact]
    public void TypeAndNameFiltersMatchTheClientSideAnswer()
    {
        var all = sim.All<CwAgreement>("finance/agreements");
        var expected = all.Where(a => a.AgreementStatus == "Active" && a.Type?.Name == "Microsoft 365" && (a.Name ?? "").StartsWith("Microsoft", StringComparison.OrdinalIgnoreCase)).Select(a => a.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, sim.Objects<Agreement>("Get-S365Agreement -Type 'Microsoft 365' -Name 'Microsoft*'").Select(a => a.Id).OrderBy(i => i));
    }

    [Fact]
    public void SerialNumberAndProductFiltersMatchTheClientSideAnswer()
    {
        var all = sim.Objects<Addition>("Get-S365Agreement | Get-S365Addition");
        var cloud = all.Where(a => a.SerialNumber == "CloudConsole").Select(a => a.Id).OrderBy(i => i).ToList();
        var m365 = all.Where(a => (a.Product ?? "").StartsWith("M365-", StringComparison.OrdinalIgnoreCase)).Select(a => a.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(cloud);
        Assert.NotEmpty(m365);
        Assert.True(cloud.Count < all.Count);
        Assert.Equal(cloud, sim.Objects<Addition>("Get-S365Agreement | Get-S365Addition -SerialNumber CloudConsole").Select(a => a.Id).OrderBy(i => i));
        Assert.Equal(m365, sim.Objects<Addition>("Get-S365Agreement | Get-S365Addition -Product 'M365-*'").Select(a => a.Id).OrderBy(i => i));
    }

    [Fact]
    public void AgreementIdReadsTheAgreementsFirstAndReportsMissingOnes()
    {
        var errors = new List<ErrorRecord>();
        var additions = sim.Invoke("Get-S365Addition -AgreementId 12, 999999 -IncludeCancelled", errors).Select(o => (Addition)o.BaseObject).ToList();
        Assert.Equal(sim.All<CwAddition>("finance/agreements/12/additions").Select(a => a.Id).OrderBy(i => i), additions.Select(a => a.Id).OrderBy(i => i));
        Assert.All(additions, a => Assert.False(string.IsNullOrEmpty(a.AgreementName) || string.IsNullOrEmpty(a.CompanyName)));
        Assert.Equal("AgreementNotFound", Assert.Single(errors).FullyQualifiedErrorId.Split(',')[0]);
    }

    [Fact]
    public void ProductsTypesAndContactsComeWithLinks()
    {
        var products = sim.Objects<Product>("Get-S365Product");
        Assert.Equal(sim.All<CwCatalogItem>("procurement/catalog").Count(p => p.InactiveFlag != true), products.Count);
        Assert.All(products, p => Assert.Contains("recid=" + p.Id, p.PsaUrl));
        Assert.Equal(new[] { "M365-BP" }, sim.Objects<Product>("Get-S365Product -Identifier M365-BP").Select(p => p.Identifier));

        var types = sim.Objects<AgreementType>("Get-S365AgreementType");
        Assert.Contains(types, t => t.Name == "Microsoft 365");
        Assert.All(types, t => Assert.NotNull(t.PsaUrl));

        var contacts = sim.All<CwContact>("company/contacts");
        var withEmail = contacts.First(c => c.CommunicationItems?.Any(i => i.CommunicationType == "Email") == true && c.InactiveFlag != true);
        var email = withEmail.CommunicationItems!.First(i => i.CommunicationType == "Email").Value!;
        var found = sim.Invoke("Get-S365Contact -Email $e", variables: new Dictionary<string, object?> { ["e"] = email }).Select(o => (Contact)o.BaseObject).ToList();
        Assert.Contains(found, c => c.Id == withEmail.Id);
        Assert.All(found, c => Assert.Contains(email, c.Emails, StringComparer.OrdinalIgnoreCase));
        var full = $"{withEmail.FirstName} {withEmail.LastName}";
        var byName = sim.Invoke("Get-S365Contact -Name $n", variables: new Dictionary<string, object?> { ["n"] = full }).Select(o => (Contact)o.BaseObject).ToList();
        Assert.Contains(byName, c => c.Id == withEmail.Id);
        Assert.All(byName, c => Assert.Equal(full, c.Name));
    }

    [Fact]
    public void CompletersOfferAwkwardNamesQuotedAndEscaped()
    {
        var result = sim.Invoke("$($s = 'Get-S365Agreement -Company O'; TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText");
        Assert.Contains("'O''Brien & Sons'", result.Select(r => r.ToString()));
        var types = sim.Invoke("$($s = 'Get-S365Agreement -Type Mic'; TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText");
        Assert.Equal(new[] { "'Microsoft 365'" }, types.Select(r => r.ToString()));
        var products = sim.Invoke("$($s = 'Get-S365Addition -Product M365-B'; TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText").Select(r => r.ToString()).ToList();
        Assert.Contains("M365-BP", products);
        Assert.All(products, p => Assert.StartsWith("M365-B", p));
    }

    [Fact]
    public void TestConnectionPassesTheFullMemberAndNamesWhatTheLimitedOneLacks()
    {
        var full = (ConnectionTestResult)Assert.Single(sim.Invoke("Test-S365Connection")).BaseObject;
        Assert.True(full.Success);
        Assert.All(full.Permissions, p => Assert.Equal(CheckStatus.Pass, p.Status));

        var limited = (ConnectionTestResult)Assert.Single(sim.Invoke(
            $"Test-S365Connection -Server '{sim.Host.BaseUrl}' -CompanyId sync365demo -PublicKey limitedpublic -PrivateKey (ConvertTo-SecureString 'limitedprivate' -AsPlainText -Force) -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365")).BaseObject;
        Assert.False(limited.Success);
        Assert.Equal(new[] { "Agreements", "Products", "Service Tickets" }, limited.Permissions.Where(p => p.Status == CheckStatus.Fail).Select(p => p.Function).OrderBy(f => f, StringComparer.Ordinal));

        // Testing other keys keeps no connection, and -Quiet turns a failed connection into $false.
        Assert.Single(sim.Invoke("Get-S365PsaConnection"));
        Assert.Equal(false, Assert.Single(sim.Invoke($"Test-S365Connection -Server '{sim.Host.BaseUrl}' -CompanyId nosuch -PublicKey x -PrivateKey (ConvertTo-SecureString 'y' -AsPlainText -Force) -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365 -Quiet")).BaseObject);
        var errors = new List<ErrorRecord>();
        sim.Invoke($"Test-S365Connection -Server '{sim.Host.BaseUrl}' -CompanyId sync365demo -PublicKey demopublic -PrivateKey (ConvertTo-SecureString 'not-the-key' -AsPlainText -Force) -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365", errors);
        var error = Assert.Single(errors);
        Assert.StartsWith("AuthenticationFailed", error.FullyQualifiedErrorId);
        Assert.DoesNotContain("not-the-key", error.ToString());
    }

    [Fact]
    public async Task AgreementsPipedToGetCompanyReadEachCompanyOnceInOneRequest()
    {
        var agreements = sim.Objects<Agreement>("Get-S365Agreement -Type 'Microsoft 365'");
        await sim.ResetStatsAsync();
        var companies = sim.Objects<Company>("Get-S365Agreement -Type 'Microsoft 365' | Get-S365Company");
        Assert.Equal(agreements.Select(a => a.CompanyId!.Value).Distinct().OrderBy(i => i), companies.Select(c => c.Id).OrderBy(i => i));
        Assert.Equal(1, await sim.RequestsAsync("GET", "/company/companies"));
    }

    [Fact]
    public void CompanyIdentifierAndStatusFiltersMatchTheClientSideAnswer()
    {
        var all = sim.All<CwCompany>("company/companies");
        var expected = all.Where(c => (c.Identifier ?? "").StartsWith("C", StringComparison.OrdinalIgnoreCase) && c.Status?.Name == "Active").Select(c => c.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < all.Count);
        Assert.Equal(expected, sim.Objects<Company>("Get-S365Company -Identifier 'C*' -Status Active").Select(c => c.Id).OrderBy(i => i));
    }

    [Fact]
    public void WithoutAgreementsItReadsTheAdditionsOfEveryActiveAgreement()
    {
        var piped = sim.Objects<Addition>("Get-S365Agreement | Get-S365Addition -SerialNumber CloudConsole").Select(a => a.Id).OrderBy(i => i).ToList();
        Assert.NotEmpty(piped);
        Assert.Equal(piped, sim.Objects<Addition>("Get-S365Addition -SerialNumber CloudConsole").Select(a => a.Id).OrderBy(i => i));
        Assert.Empty(sim.Invoke("@() | Get-S365Addition"));
    }

    [Fact]
    public void PipedObjectsBringTheirOwnConnection()
    {
        var first = sim.Objects<Agreement>("Get-S365Agreement | Select-Object -First 1").Single();
        sim.Invoke($"Connect-S365Psa -Name second -Server '{sim.Host.BaseUrl}' -CompanyId sync365demo -PublicKey limitedpublic -PrivateKey (ConvertTo-SecureString 'limitedprivate' -AsPlainText -Force) -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365");
        try
        {
            // "second" is now the default, but the agreement is read through the first connection, and so are its additions.
            Assert.Equal("second", sim.Invoke("(Get-S365PsaConnection -Default).Name").Single().ToString());
            var additions = sim.Invoke("Get-S365Agreement -Id $id -Connection $c | Get-S365Addition", variables: new Dictionary<string, object?> { ["id"] = first.Id, ["c"] = first.ConnectionName }).Select(o => (Addition)o.BaseObject).ToList();
            Assert.NotEmpty(additions);
            Assert.All(additions, a => Assert.Equal(first.ConnectionName, a.ConnectionName));
            var companies = sim.Invoke("Get-S365Company -Id $cid | Get-S365Agreement -Status All", variables: new Dictionary<string, object?> { ["cid"] = first.CompanyId }).Select(o => (Agreement)o.BaseObject).ToList();
            Assert.Contains(companies, a => a.Id == first.Id);
            Assert.All(companies, a => Assert.Equal("second", a.ConnectionName));
        }
        finally
        {
            sim.Invoke("Disconnect-S365Psa -Connection second -Confirm:$false");
        }
    }
}
