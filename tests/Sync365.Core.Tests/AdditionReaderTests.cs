using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Xunit;

namespace Sync365.Core.Tests;

public class AdditionReaderTests(DemoSim sim) : IClassFixture<DemoSim>
{
    private static List<Addition> ReadAll(AdditionReader reader, IEnumerable<AgreementRef> agreements)
    {
        var list = new List<Addition>();
        foreach (var a in agreements)
        {
            list.AddRange(reader.Add(a));
        }

        list.AddRange(reader.Complete());
        return list;
    }

    private static List<AgreementRef> Agreements(ConnectWiseClient client) =>
        Sim.All<CwAgreement>(client, "finance/agreements").Select(a => AgreementRef.From(CwMapper.ToAgreement(a, client, "t"))).ToList();

    [Fact]
    public async Task BundlesReturnEveryAdditionInAgreementOrderWithoutOneRequestPerAgreement()
    {
        using var client = await Sim.ConnectAsync(sim.Host);
        var agreements = Agreements(client);
        long expected = 0;
        foreach (var a in agreements)
        {
            expected += await client.CountAsync($"finance/agreements/{a.Id}/additions", null, CancellationToken.None);
        }

        await Sim.ResetStatsAsync(sim.Host);
        var reader = new AdditionReader(client, null, "t", CancellationToken.None);
        var additions = ReadAll(reader, agreements);

        Assert.True(expected > agreements.Count * 5, $"the demo should hold many additions per agreement, not {expected}");
        Assert.Equal(expected, additions.Count);
        Assert.Equal(additions.Count, additions.Select(a => a.Id).Distinct().Count());
        var bundles = await Sim.RequestsAsync(sim.Host, "POST", "/system/bundles");
        Assert.Equal((agreements.Count + reader.BundleSize - 1) / reader.BundleSize, bundles);
        Assert.Equal(0, await Sim.RequestsAsync(sim.Host, "GET", "/finance/agreements/{parentId}/additions"));

        // Agreement order is kept, and every addition carries its agreement and company.
        var order = agreements.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);
        Assert.True(additions.Select(a => order[a.AgreementId]).SequenceEqual(additions.Select(a => order[a.AgreementId]).OrderBy(i => i)));
        var byId = agreements.ToDictionary(a => a.Id);
        Assert.All(additions, a =>
        {
            Assert.Equal(byId[a.AgreementId].Name, a.AgreementName);
            Assert.Equal(byId[a.AgreementId].CompanyName, a.CompanyName);
            Assert.NotNull(a.CompanyId);
        });
    }

    [Fact]
    public async Task ActiveConditionKeepsExactlyTheAdditionsNotYetCancelled()
    {
        using var client = await Sim.ConnectAsync(sim.Host);
        var agreements = Agreements(client);
        var now = DateTimeOffset.UtcNow;
        var all = ReadAll(new AdditionReader(client, null, "t", CancellationToken.None), agreements);
        var expected = all.Where(a => a.CancelledDate == null || a.CancelledDate > now).Select(a => a.Id).OrderBy(i => i).ToList();

        var conditions = ConditionText.Or("cancelledDate=null", ConditionText.DateTime("cancelledDate", ">", now));
        var active = ReadAll(new AdditionReader(client, conditions, "t", CancellationToken.None), agreements);

        Assert.True(all.Count > expected.Count, "the demo should hold cancelled additions");
        Assert.Equal(expected, active.Select(a => a.Id).OrderBy(i => i).ToList());
        Assert.All(active, a => Assert.True(a.IsActive));
    }

    [Fact]
    public async Task BundleSizeDoesNotChangeTheResult()
    {
        using var client = await Sim.ConnectAsync(sim.Host);
        var agreements = Agreements(client).Take(30).ToList();
        var bundled = ReadAll(new AdditionReader(client, null, "t", CancellationToken.None), agreements);

        await Sim.ResetStatsAsync(sim.Host);
        var reader = new AdditionReader(client, null, "t", CancellationToken.None) { BundleSize = 7, MaxConcurrency = 2 };
        var small = ReadAll(reader, agreements);
        Assert.Equal(bundled.Select(a => a.Id), small.Select(a => a.Id));
        Assert.Equal((30 + 6) / 7, await Sim.RequestsAsync(sim.Host, "POST", "/system/bundles"));
    }
}
