using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

/// <summary>Checks the simulator against the reference data in ../shared/reference/data (next to the repository).</summary>
public class ConformanceTests
{
    private static string DataDir()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sync365.sln"))) dir = dir.Parent;
        Assert.True(dir is not null, "Sync365.sln not found above " + AppContext.BaseDirectory);
        var data = Path.GetFullPath(Path.Combine(dir!.FullName, "..", "shared", "reference", "data"));
        Assert.True(Directory.Exists(data), "reference data folder missing: " + data);
        return data;
    }

    private static string Normalize(string template) => Regex.Replace(template.ToLowerInvariant().TrimEnd('/'), "\\{[^}]*\\}", "{}");

    private static HashSet<string> Paths() => File.ReadAllLines(Path.Combine(DataDir(), "connectwise-paths.txt"))
        .Where(l => l.Contains(' '))
        .Select(l => { int sp = l.LastIndexOf(' '); return l[(sp + 1)..].ToUpperInvariant() + " " + Normalize(l[..sp]); })
        .ToHashSet();

    /// <summary>Model name → field names (connectwise-models.txt).</summary>
    private static Dictionary<string, HashSet<string>> Models()
    {
        var models = new Dictionary<string, HashSet<string>>();
        HashSet<string>? cur = null;
        foreach (var line in File.ReadAllLines(Path.Combine(DataDir(), "connectwise-models.txt")))
        {
            var h = Regex.Match(line, "^## (\\w+)");
            if (h.Success)
            {
                if (!models.TryGetValue(h.Groups[1].Value, out cur)) models[h.Groups[1].Value] = cur = new HashSet<string>();
                continue;
            }
            var f = Regex.Match(line, "^([A-Za-z_0-9]+):");
            if (f.Success && cur is not null) cur.Add(f.Groups[1].Value);
        }
        return models;
    }

    /// <summary>Model → field → allowed values (connectwise-enums.txt).</summary>
    private static Dictionary<string, Dictionary<string, HashSet<string>>> Enums()
    {
        var result = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        Dictionary<string, HashSet<string>>? model = null;
        HashSet<string>? field = null;
        foreach (var line in File.ReadAllLines(Path.Combine(DataDir(), "connectwise-enums.txt")))
        {
            var h = Regex.Match(line, "^## (\\w+)");
            if (h.Success) { result[h.Groups[1].Value] = model = new(); field = null; continue; }
            if (line.StartsWith("class ", StringComparison.Ordinal)) { model = null; field = null; continue; }
            if (model is null) continue;
            var f = Regex.Match(line, "^  (\\w+):(.*)$");
            if (f.Success) { model[f.Groups[1].Value] = field = new(); AddQuoted(field, f.Groups[2].Value); }
            else if (field is not null) AddQuoted(field, line);
        }
        return result;

        static void AddQuoted(HashSet<string> into, string text)
        {
            foreach (Match m in Regex.Matches(text, "\"([^\"]*)\"")) into.Add(m.Groups[1].Value);
        }
    }

    [Fact]
    public void ReferenceFilesParse()
    {
        Assert.True(Paths().Count > 3000);
        var models = Models();
        Assert.Contains("addressLine1", models["Company"]);
        Assert.Contains("agreementStatus", models["Addition"]);
        Assert.Contains("Cancelled", Enums()["Agreement"]["agreementStatus"]);
        Assert.Contains("Custom", Enums()["Priority"]["color"]);
    }

    [Fact]
    public void EveryServedRouteIsARealRoute()
    {
        var paths = Paths();
        var missing = Resources.ServedRoutes().Where(r => !paths.Contains(r.Method + " " + Normalize(r.Template))).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task ServedRouteListMatchesTheRouter()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        foreach (var (method, template) in Resources.ServedRoutes())
        {
            var url = template.TrimStart('/').Replace("{parentId}", template.Contains("securityRoles") ? "1" : "2")
                .Replace("{memberIdentifier}", "S365").Replace("{id}", method == "GET" ? "1" : "999999");
            using var req = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT") req.Content = Cw.Body(template == "/system/bundles" ? "{\"requests\":[]}" : "{}");
            if (method == "PATCH") req.Content = Cw.Body("[]");
            using var r = await c.SendAsync(req);
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, r.StatusCode);
            if (method == "GET" && !template.EndsWith("{id}", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        var stats = await Cw.Raw(host).GetJson("_sim/stats");
        var counted = stats.GetProperty("byRoute").EnumerateArray().Select(e => e.GetProperty("method").GetString() + " " + e.GetProperty("route").GetString()).ToHashSet();
        Assert.Equal(Resources.ServedRoutes().Select(r => r.Method + " " + r.Template).OrderBy(x => x), counted.OrderBy(x => x));
    }

    /// <summary>Nested objects checked against a reference model, by field name.</summary>
    private static readonly Dictionary<string, string> NestedModels = new()
    {
        ["company"] = "CompanyReference", ["billToCompany"] = "CompanyReference", ["contact"] = "ContactReference",
        ["billToContact"] = "ContactReference", ["defaultContact"] = "ContactReference", ["site"] = "SiteReference",
        ["board"] = "BoardReference", ["priority"] = "PriorityReference", ["securityRole"] = "SecurityRoleReference",
        ["billingCycle"] = "BillingCycleReference", ["communicationItems"] = "ContactCommunicationItem", ["sla"] = "SLAReference",
        ["subcategory"] = "ProductSubCategoryReference", ["customFields"] = "CustomFieldValue", ["licenseBits"] = "LicenseBit",
    };

    private static readonly Dictionary<string, string> ModelNested = new()
    {
        ["Addition/product"] = "IvItemReference", ["Agreement/type"] = "AgreementTypeReference", ["Ticket/status"] = "ServiceStatusReference",
        ["CatalogItem/type"] = "ProductTypeReference", ["ContactCommunicationItem/type"] = "CommunicationTypeReference",
    };

    private static void CheckObject(string model, JsonElement e, Dictionary<string, HashSet<string>> models,
        Dictionary<string, Dictionary<string, HashSet<string>>> enums, List<string> problems, string where)
    {
        if (!models.TryGetValue(model, out var fields)) return;
        enums.TryGetValue(model, out var modelEnums);
        foreach (var p in e.EnumerateObject())
        {
            if (!fields.Contains(p.Name)) problems.Add($"{where}: {model} has no field '{p.Name}'");
            if (modelEnums is not null && modelEnums.TryGetValue(p.Name, out var allowed) && allowed.Count > 0 && p.Value.ValueKind == JsonValueKind.String && !allowed.Contains(p.Value.GetString()!))
                problems.Add($"{where}: {model}.{p.Name} value '{p.Value.GetString()}' is not an enum value");
            var nested = ModelNested.GetValueOrDefault(model + "/" + p.Name) ?? NestedModels.GetValueOrDefault(p.Name);
            if (nested is null) continue;
            if (p.Value.ValueKind == JsonValueKind.Object) CheckObject(nested, p.Value, models, enums, problems, where + "/" + p.Name);
            else if (p.Value.ValueKind == JsonValueKind.Array)
                foreach (var item in p.Value.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) CheckObject(nested, item, models, enums, problems, where + "/" + p.Name);
        }
    }

    [Fact]
    public void EveryEmittedFieldAndEnumValueExistsInTheModels()
    {
        var models = Models();
        var enums = Enums();
        var problems = new List<string>();
        int checkedModels = 0;
        foreach (var scenario in new[] { "demo", "scale" })
        {
            var data = Scenarios.Build(new SimulatorOptions { Scenario = scenario, Companies = 3, AgreementsPerCompany = 3, AdditionsPerAgreement = 5 });
            foreach (var def in Resources.All)
            {
                if (!models.ContainsKey(def.Model)) continue;
                checkedModels++;
                foreach (var e in data.Table(def.Table).All) CheckObject(def.Model, e.Root, models, enums, problems, $"{scenario} {def.Table}/{e.Id}");
            }
        }
        Assert.True(checkedModels >= 14, "models checked: " + checkedModels);
        Assert.Empty(problems.Distinct().Take(50));
    }

    [Fact]
    public async Task ResponsesOfTheApiConformToo()
    {
        var models = Models();
        var enums = Enums();
        var problems = new List<string>();
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        CheckObject("Info", await c.GetJson("system/info"), models, enums, problems, "system/info");
        foreach (var s in (await c.GetJson("system/mySecurity")).EnumerateArray()) CheckObject("SecurityRoleSetting", s, models, enums, problems, "mySecurity");
        CheckObject("Count", await c.GetJson("company/companies/count"), models, enums, problems, "count");
        using (var r = await c.GetAsync("company/companies/0"))
            CheckObject("ErrorResponseMessage", await r.Json(), models, enums, problems, "404");
        using (var r = await c.PostAsync("company/companies", Cw.Body("{}")))
        {
            var body = await r.Json();
            CheckObject("ErrorResponseMessage", body, models, enums, problems, "400");
            foreach (var e in body.GetProperty("errors").EnumerateArray()) CheckObject("ValidationError", e, models, enums, problems, "400/errors");
        }
        using (var r = await c.PostAsync("system/bundles", Cw.Body("{\"requests\":[{\"sequenceNumber\":1,\"resourceType\":\"company\",\"apiRequest\":{}},{\"sequenceNumber\":2,\"resourceType\":\"x\",\"apiRequest\":{}}]}")))
        {
            var body = await r.Json();
            CheckObject("BundleResultsCollection", body, models, enums, problems, "bundle");
            foreach (var res in body.GetProperty("results").EnumerateArray())
            {
                CheckObject("BundleResult", res, models, enums, problems, "bundle/result");
                if (res.TryGetProperty("error", out var err)) CheckObject("ErrorResponseMessage", err, models, enums, problems, "bundle/error");
            }
        }
        Assert.Empty(problems);
    }
}
