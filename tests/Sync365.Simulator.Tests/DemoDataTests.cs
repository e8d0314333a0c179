using System.Diagnostics;
using System.Text.Json;
using Sync365.Simulator;
using Xunit.Abstractions;

namespace Sync365.Simulator.Tests;

/// <summary>The demo facts documented in src/Sync365.Simulator/README.md.</summary>
public class DemoDataTests(ITestOutputHelper output)
{
    private static readonly DataSet Demo = Scenarios.Build(new SimulatorOptions());

    private static IEnumerable<JsonElement> Rows(string table) => Demo.Table(table).All.Select(e => e.Root);
    private static string S(JsonElement e, string p) => e.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    [Fact]
    public void Counts()
    {
        Assert.Equal(48, Demo.Table("companies").All.Count);
        Assert.Equal(120, Demo.Table("contacts").All.Count);
        Assert.Equal(122, Demo.Table("agreements").All.Count);
        Assert.Equal(1124, Demo.Table("additions").All.Count);
        Assert.Equal(26, Demo.Table("catalog").All.Count);
        Assert.Equal(30, Demo.Table("products").All.Count);
        Assert.Equal(12, Demo.Table("tickets").All.Count);
        Assert.Equal(8, Demo.Table("invoices").All.Count);
        Assert.Equal(3, Demo.Table("agreementTypes").All.Count);
        Assert.Equal(new[] { "Help Desk", "Alerts" }, Rows("boards").Select(b => S(b, "name")));
        Assert.Equal(5, Demo.Table("priorities").All.Count);
        Assert.Equal(3, Demo.Table("slas").All.Count);
        Assert.Equal(new[] { "S365", "S365Limited", "jsmith" }, Rows("members").Select(m => S(m, "identifier")));
    }

    [Fact]
    public void AgreementsByTypeAndStatus()
    {
        var byKey = Rows("agreements").GroupBy(a => a.GetProperty("type").GetProperty("name").GetString() + "/" + S(a, "agreementStatus"))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(48, byKey["Microsoft 365/Active"]);
        Assert.Equal(10, byKey["Microsoft 365/Cancelled"]);
        Assert.Equal(35, byKey["Managed Services/Active"]);
        Assert.Equal(5, byKey["Managed Services/Inactive"]);
        Assert.Equal(19, byKey["Backup/Active"]);
        Assert.Equal(5, byKey["Backup/Inactive"]);
        Assert.Equal(new[] { "Microsoft 365", "Managed Services", "Backup" }, Rows("agreementTypes").Select(t => S(t, "name")));
    }

    [Fact]
    public void AdditionsBySerialAndStatus()
    {
        var adds = Rows("additions").ToList();
        int Count(string? serial, string status) => adds.Count(a => (a.TryGetProperty("serialNumber", out var s) ? s.GetString() : null) == serial && S(a, "agreementStatus") == status);
        Assert.Equal(222, Count("CloudConsole", "Active"));
        Assert.Equal(207, Count("Unite", "Active"));
        Assert.Equal(347, Count(null, "Active"));
        Assert.Equal(134, Count("CloudConsole", "Cancelled"));
        Assert.Equal(93, Count("Unite", "Cancelled"));
        Assert.Equal(121, Count(null, "Cancelled"));
        Assert.All(adds.Where(a => S(a, "agreementStatus") == "Cancelled"), a => Assert.True(a.TryGetProperty("cancelledDate", out _)));
        Assert.All(adds.Where(a => S(a, "agreementStatus") == "Active"), a => Assert.False(a.TryGetProperty("cancelledDate", out _)));
        Assert.Equal(13, adds.Count(a => string.CompareOrdinal(S(a, "effectiveDate"), "2027-01-01T00:00:00Z") >= 0));
    }

    [Fact]
    public void CompaniesIncludeHostileNamesAndUniqueIdentifiers()
    {
        var names = Rows("companies").Select(c => S(c, "name")).ToList();
        foreach (var n in new[] { "O'Brien & Sons", "Zürich \"Alpen\" AG", "Smith + Jones #1", "Fabrikam, Inc.", "100% Pure (NZ) Ltd", "Contoso Ltd", "Contoso Pharmaceuticals", "Proseware\\Adatum JV" })
            Assert.Contains(n, names);
        Assert.Equal(2, names.Count(n => n.StartsWith("Contoso", StringComparison.OrdinalIgnoreCase)));
        var ids = Rows("companies").Select(c => S(c, "identifier")).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, i => Assert.InRange(i.Length, 1, 30));
        Assert.All(names, n => Assert.InRange(n.Length, 1, 50));
        Assert.Equal("OBrienSons", S(Demo.Table("companies").ById[4].Root, "identifier"));
    }

    [Fact]
    public void CatalogHasMicrosoft365Licences()
    {
        var ids = Rows("catalog").Select(c => S(c, "identifier")).ToList();
        foreach (var i in new[] { "M365-BP", "M365-BS", "M365-BB", "O365-E3", "M365-E3", "EXO-P1" }) Assert.Contains(i, ids);
        Assert.All(Rows("catalog"), c => Assert.True(c.GetProperty("price").GetDouble() > c.GetProperty("cost").GetDouble()));
    }

    [Fact]
    public void GenerationIsDeterministicAndFast()
    {
        var a = Scenarios.Generate(new SimulatorOptions());
        var sw = Stopwatch.StartNew();
        var b = Scenarios.Generate(new SimulatorOptions());
        output.WriteLine($"demo build: {sw.ElapsedMilliseconds} ms");
        Assert.True(sw.ElapsedMilliseconds < 1000, $"demo build took {sw.ElapsedMilliseconds} ms");
        foreach (var t in a.Tables.Keys)
            Assert.Equal(a.Table(t).All.Select(e => Convert.ToBase64String(e.Json)), b.Table(t).All.Select(e => Convert.ToBase64String(e.Json)));
    }

    [Fact]
    public void ScaleBuilds100kAdditionsQuickly()
    {
        var sw = Stopwatch.StartNew();
        var d = Scenarios.Build(new SimulatorOptions { Scenario = "scale", Companies = 100, AgreementsPerCompany = 20, AdditionsPerAgreement = 50, Seed = 7 });
        output.WriteLine($"scale build: {sw.ElapsedMilliseconds} ms, {GC.GetTotalMemory(false) / 1048576} MB heap");
        Assert.Equal(100, d.Table("companies").All.Count);
        Assert.Equal(2000, d.Table("agreements").All.Count);
        Assert.Equal(100_000, d.Table("additions").All.Count);
        Assert.Equal(50, d.Table("additions").Rows(2000).Count);
        Assert.True(sw.ElapsedMilliseconds < 15000, $"scale build took {sw.ElapsedMilliseconds} ms");
        var again = Scenarios.Build(new SimulatorOptions { Scenario = "scale", Companies = 2, AgreementsPerCompany = 2, AdditionsPerAgreement = 3, Seed = 7 });
        var again2 = Scenarios.Build(new SimulatorOptions { Scenario = "scale", Companies = 2, AgreementsPerCompany = 2, AdditionsPerAgreement = 3, Seed = 7 });
        Assert.Equal(again.Table("additions").All.Select(e => e.Json.Length), again2.Table("additions").All.Select(e => e.Json.Length));
    }
}
