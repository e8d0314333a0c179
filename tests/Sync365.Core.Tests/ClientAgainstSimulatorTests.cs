using Sync365.Core.Http;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Simulator;
using Xunit;

namespace Sync365.Core.Tests;

public class ClientAgainstSimulatorTests
{
    [Fact]
    public async Task Connect_discovers_the_codebase_and_uses_it()
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await Sim.ConnectAsync(sim);
        Assert.Equal("sync365demo", client.Info.CompanyId);
        Assert.EndsWith("/", client.Codebase);
        Assert.Contains(client.Codebase + "apis/3.0/", client.ApiBase.ToString());
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "name asc")]
    public async Task Paging_returns_every_row_once_in_as_many_requests_as_pages(bool forwardOnly, string? orderBy)
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await Sim.ConnectAsync(sim);
        var total = await client.CountAsync("company/companies", null, CancellationToken.None);
        await sim.Control.ResetStatsAsync();

        var query = new ListQuery { PageSize = 7, ForwardOnly = forwardOnly, OrderBy = orderBy };
        var pages = client.ListPages<CwCompany>("company/companies", query, CancellationToken.None).ToList();
        var ids = pages.SelectMany(p => p).Select(c => c.Id).ToList();

        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal((int)Math.Ceiling(total / 7.0), await Sim.RequestsAsync(sim, "GET", "/company/companies"));
    }

    [Fact]
    public async Task Conditions_survive_every_page()
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await Sim.ConnectAsync(sim);
        const string condition = "name like \"%o%\"";
        var expected = await client.CountAsync("company/companies", condition, CancellationToken.None);
        var rows = client.ListPages<CwCompany>("company/companies", new ListQuery { Conditions = condition, PageSize = 3 }, CancellationToken.None)
            .SelectMany(p => p).ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Contains("o", r.Name!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Every_row_arrives_exactly_once_through_429s_500s_and_dropped_connections()
    {
        await using var sim = await Sim.StartDemoAsync();
        var log = new List<HttpRequestLog>();
        using var client = await Sim.ConnectAsync(sim, log: e => { lock (log) { log.Add(e); } });
        var clean = client.ListPages<CwCompany>("company/companies", new ListQuery { PageSize = 5 }, CancellationToken.None)
            .SelectMany(p => p).Select(c => c.Id).ToList();

        await sim.Control.SetFaultsAsync(new { rate429 = 0.25, retryAfterSeconds = 0, rate500 = 0.15, rateDrop = 0.1, seed = 7 });
        var faulty = client.ListPages<CwCompany>("company/companies", new ListQuery { PageSize = 5 }, CancellationToken.None)
            .SelectMany(p => p).Select(c => c.Id).ToList();

        Assert.Equal(clean, faulty);
        lock (log)
        {
            Assert.Contains(log, e => e.StatusCode == 429);
            Assert.Contains(log, e => e.StatusCode == 500);
            Assert.Contains(log, e => e.Attempt > 1);
        }
    }

    [Fact]
    public async Task Wrong_keys_give_an_authentication_error_without_the_key()
    {
        await using var sim = await Sim.StartDemoAsync();
        var ex = await Assert.ThrowsAsync<PsaApiException>(() =>
            ConnectWiseClient.ConnectAsync(Sim.Settings(sim, privateKey: "not-the-key-42"), null, CancellationToken.None));
        Assert.Equal(PsaErrorKind.Authentication, ex.Kind);
        Assert.Equal("AuthenticationFailed", ex.ErrorId);
        Assert.DoesNotContain("not-the-key-42", ex.ToString());
    }

    [Fact]
    public async Task A_missing_right_names_the_security_role_line()
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await ConnectWiseClient.ConnectAsync(Sim.Settings(sim, Scenarios.LimitedPublicKey, Scenarios.LimitedPrivateKey), null, CancellationToken.None);
        var ex = Assert.Throws<PsaApiException>(() =>
            client.ListPages<CwCatalogItem>("procurement/products", new ListQuery(), CancellationToken.None).ToList());
        Assert.Equal(PsaErrorKind.Authorization, ex.Kind);
        Assert.Contains("Procurement › Products", ex.Message);
        Assert.Contains("Test-S365Connection", ex.Message);
    }

    [Fact]
    public async Task Additions_of_many_agreements_come_in_bundles_and_match_per_agreement_reads()
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await Sim.ConnectAsync(sim);
        var agreements = client.ListPages<CwAgreement>("finance/agreements", new ListQuery(), CancellationToken.None)
            .SelectMany(p => p).Take(60).Select(a => new AgreementRef(a.Id, a.Name, a.Type?.Name, a.Company?.Id, a.Company?.Name)).ToList();
        var expected = 0L;
        foreach (var a in agreements)
        {
            expected += await client.CountAsync($"finance/agreements/{a.Id}/additions", null, CancellationToken.None);
        }

        await sim.Control.ResetStatsAsync();
        var reader = new AdditionReader(client, null, "test", CancellationToken.None);
        var read = new List<Addition>();
        foreach (var a in agreements)
        {
            read.AddRange(reader.Add(a));
        }

        read.AddRange(reader.Complete());

        Assert.Equal(expected, read.Count);
        Assert.Equal(read.Count, read.Select(x => (x.AgreementId, x.Id)).Distinct().Count());
        Assert.Equal(agreements.Select(a => a.Id).Where(id => read.Any(r => r.AgreementId == id)), read.Select(r => r.AgreementId).Distinct());
        Assert.All(read, r => Assert.False(string.IsNullOrEmpty(r.CompanyName)));
        Assert.Equal(3, await Sim.RequestsAsync(sim, "POST", "/system/bundles"));
        Assert.Equal(0, await Sim.RequestsAsync(sim, "GET", "/finance/agreements/{parentId}/additions"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task One_unreadable_agreement_is_reported_and_the_rest_still_read_only_when_asked(bool continueOnError)
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await Sim.ConnectAsync(sim);
        var real = client.ListPages<CwAgreement>("finance/agreements", new ListQuery(), CancellationToken.None)
            .SelectMany(p => p).Take(10).Select(a => new AgreementRef(a.Id, a.Name, a.Type?.Name, a.Company?.Id, a.Company?.Name)).ToList();
        var expected = 0L;
        foreach (var a in real)
        {
            expected += await client.CountAsync($"finance/agreements/{a.Id}/additions", null, CancellationToken.None);
        }

        var gone = new AgreementRef(987654, "Deleted meanwhile", "Microsoft 365", 1, "Contoso Ltd");
        var input = real.Take(5).Append(gone).Concat(real.Skip(5)).ToList();
        var reader = new AdditionReader(client, null, "test", CancellationToken.None) { ContinueOnError = continueOnError };

        List<Addition> Read()
        {
            var list = new List<Addition>();
            foreach (var a in input)
            {
                list.AddRange(reader.Add(a));
            }

            list.AddRange(reader.Complete());
            return list;
        }

        if (continueOnError)
        {
            var read = Read();
            Assert.Equal(expected, read.Count);
            var failure = Assert.Single(reader.TakeFailures());
            Assert.Equal(987654, failure.Agreement.Id);
            Assert.Equal(PsaErrorKind.NotFound, failure.Error.Kind);
        }
        else
        {
            var ex = Assert.Throws<PsaApiException>(() => Read());
            Assert.Equal(PsaErrorKind.NotFound, ex.Kind);
        }
    }

    [Fact]
    public async Task A_bundle_the_server_refuses_as_malformed_falls_back_to_direct_reads_that_report_the_real_error()
    {
        await using var sim = await Sim.StartDemoAsync();
        using var client = await Sim.ConnectAsync(sim);
        var agreements = client.ListPages<CwAgreement>("finance/agreements", new ListQuery(), CancellationToken.None)
            .SelectMany(p => p).Take(3).Select(a => new AgreementRef(a.Id, a.Name, a.Type?.Name, a.Company?.Id, a.Company?.Name)).ToList();
        await sim.Control.ResetStatsAsync();

        // A condition the server cannot parse: every request inside the bundle is refused with 400.
        var reader = new AdditionReader(client, "serialNumber = ", "test", CancellationToken.None);
        var ex = Assert.Throws<PsaApiException>(() =>
        {
            foreach (var a in agreements)
            {
                reader.Add(a).ToList();
            }

            reader.Complete().ToList();
        });

        Assert.Equal(PsaErrorKind.Validation, ex.Kind);
        Assert.Equal(1, await Sim.RequestsAsync(sim, "POST", "/system/bundles"));
        Assert.True(await Sim.RequestsAsync(sim, "GET", "/finance/agreements/{parentId}/additions") >= 1);
    }
}
