using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

public class HttpReadTests(DemoFixture fx) : IClassFixture<DemoFixture>
{
    private HttpClient Client() => Cw.Client(fx.Host);

    [Fact]
    public void BaseUrlIsLoopbackWithTrailingSlash()
    {
        Assert.Equal("127.0.0.1", fx.Host.BaseUrl.Host);
        Assert.NotEqual(0, fx.Host.BaseUrl.Port);
        Assert.EndsWith("/", fx.Host.BaseUrl.AbsoluteUri);
        Assert.Equal(new Uri(fx.Host.BaseUrl, "v4_6_release/apis/3.0/"), fx.Host.ApiUrl);
    }

    [Fact]
    public async Task CompanyInfoAnnouncesCodebase()
    {
        using var c = Cw.Raw(fx.Host);
        var info = await c.GetJson("login/companyinfo/sync365demo");
        Assert.Equal("v2025_1/", info.GetProperty("Codebase").GetString());
        Assert.Equal("sync365demo", info.GetProperty("CompanyID").GetString());
        Assert.True(info.GetProperty("IsCloud").GetBoolean());
        foreach (var f in new[] { "CompanyName", "VersionCode", "VersionNumber", "SiteUrl" }) Assert.True(info.TryGetProperty(f, out _), f);

        using var r = await c.GetAsync("login/companyinfo/nosuchcompany");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("null", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BothCodebasesServeTheApiCaseInsensitively()
    {
        using var c = Cw.Client(fx.Host);
        using var a = await c.GetAsync(new Uri(fx.Host.BaseUrl, "v2025_1/apis/3.0/company/companies/count"));
        using var b = await c.GetAsync(new Uri(fx.Host.BaseUrl, "v4_6_release/apis/3.0/COMPANY/Companies/count"));
        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        Assert.Equal(await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
        using var bad = await c.GetAsync(new Uri(fx.Host.BaseUrl, "v2019_1/apis/3.0/company/companies/count"));
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
    }

    [Fact]
    public async Task ResponseHeaders()
    {
        using var c = Client();
        using var r = await c.GetAsync("company/companies/1");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/json; charset=utf-8", r.Content.Headers.ContentType!.ToString());
        Assert.True(r.Headers.Contains("api-current-version"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic bm90LWJhc2U2NA==")]
    [InlineData("Bearer abc")]
    public async Task BadAuthIs401(string? header)
    {
        using var c = Cw.Raw(fx.Host);
        using var req = new HttpRequestMessage(HttpMethod.Get, Cw.Api + "company/companies");
        req.Headers.Add("clientId", Scenarios.DemoClientId);
        if (header is not null) req.Headers.TryAddWithoutValidation("Authorization", header);
        using var r = await c.SendAsync(req);
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        var body = await r.Json();
        Assert.Equal("Unauthorized", body.GetProperty("code").GetString());
        Assert.Equal("UserNotAuthenticated", body.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("errors").ValueKind);
    }

    [Theory]
    [InlineData("demopublic", "wrong", "sync365demo")]
    [InlineData("nobody", "demoprivate", "sync365demo")]
    [InlineData("demopublic", "demoprivate", "othercompany")]
    public async Task WrongKeysAre401(string pub, string priv, string company)
    {
        using var c = Cw.Raw(fx.Host);
        c.DefaultRequestHeaders.Authorization = new("Basic", Cw.Basic(pub, priv, company));
        c.DefaultRequestHeaders.Add("clientId", Scenarios.DemoClientId);
        using var r = await c.GetAsync(Cw.Api + "company/companies");
        Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-guid")]
    public async Task ClientIdMustBeAGuid(string? clientId)
    {
        using var c = Cw.Client(fx.Host, clientId: false);
        if (clientId is not null) c.DefaultRequestHeaders.Add("clientId", clientId);
        using var r = await c.GetAsync("company/companies");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Json();
        Assert.Contains("clientId", body.GetProperty("message").GetString());
        Assert.True(body.TryGetProperty("code", out _));
    }

    [Fact]
    public async Task AnyGuidIsAcceptedAsClientId()
    {
        using var c = Cw.Client(fx.Host, clientId: false);
        c.DefaultRequestHeaders.Add("clientId", Guid.NewGuid().ToString());
        using var r = await c.GetAsync("company/companies");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task DefaultPageIs25AndLinkHeaderNavigates()
    {
        using var c = Client();
        var total = (await c.GetJson("company/companies/count")).GetProperty("count").GetInt32();
        Assert.True(total >= 40);
        using var r = await c.GetAsync("company/companies?conditions=" + Cw.Q("id > 0") + "&orderBy=" + Cw.Q("name desc"));
        var rows = await r.Json();
        Assert.Equal(25, rows.GetArrayLength());
        var link = string.Join(",", r.Headers.GetValues("Link"));
        var rels = Regex.Matches(link, "page=(\\d+)>; rel=\"(.*?)\"").ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value));
        Assert.Equal(1, rels["first"]);
        Assert.Equal(2, rels["next"]);
        Assert.Equal((total + 24) / 25, rels["last"]);
        Assert.False(rels.ContainsKey("prev"));
        Assert.Contains("conditions=id%20%3E%200", link);
        Assert.Contains("orderBy=name%20desc", link);
        Assert.StartsWith("<http://127.0.0.1:", link);

        // Follow "next" and compare with page 2.
        var next = Regex.Match(link, "<([^>]*)>; rel=\"next\"").Groups[1].Value;
        using var r2 = await c.GetAsync(next);
        var page2 = await r2.Json();
        var explicit2 = await c.GetJson("company/companies?conditions=" + Cw.Q("id > 0") + "&orderBy=" + Cw.Q("name desc") + "&page=2");
        Assert.Equal(explicit2.GetRawText(), page2.GetRawText());
        var link2 = string.Join(",", r2.Headers.GetValues("Link"));
        Assert.Contains("rel=\"prev\"", link2);

        var names = Cw.Names(rows).Concat(Cw.Names(page2)).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.InvariantCultureIgnoreCase).ToList(), names);
    }

    [Fact]
    public async Task PageSizeIsClampedTo1000()
    {
        using var c = Client();
        var rows = await c.GetJson("finance/agreements?pageSize=5000");
        var count = (await c.GetJson("finance/agreements/count")).GetProperty("count").GetInt32();
        Assert.Equal(Math.Min(1000, count), rows.GetArrayLength());
        var addCount = (await c.GetJson("finance/agreements/2/additions/count")).GetProperty("count").GetInt32();
        Assert.True(addCount > 0);
    }

    [Fact]
    public async Task ForwardOnlyPagingWalksAllRowsInIdOrder()
    {
        using var c = Client();
        var total = (await c.GetJson("company/companies/count")).GetProperty("count").GetInt32();
        var ids = new List<int>();
        string? url = "company/companies?pageSize=10&fields=id";
        int pages = 0;
        while (url is not null)
        {
            using var req = new HttpRequestMessage(HttpMethod.Get, url);
            req.Headers.Add("pagination-type", "forward-only");
            using var r = await c.SendAsync(req);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var rows = await r.Json();
            ids.AddRange(rows.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
            pages++;
            Assert.True(r.Headers.TryGetValues("Link", out var l), "a forward-only reply always carries Link");
            var next = Regex.Match(string.Join(",", l!), "<([^>]*)>; rel=\"next\"");
            url = next.Success ? next.Groups[1].Value : null;
            if (url is not null) Assert.Contains("pageId=" + ids[^1], url);
        }
        Assert.Equal(total, ids.Count);
        Assert.Equal(ids.OrderBy(i => i), ids);
        Assert.Equal((total + 9) / 10, pages);
    }

    [Fact]
    public async Task PageIdWithoutHeaderActsAsACondition()
    {
        using var c = Client();
        var rows = await c.GetJson("company/companies?pageId=40&pageSize=100&fields=id");
        Assert.Equal(Enumerable.Range(41, 8), rows.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()));
        Assert.Equal(8, (await c.GetJson("company/companies/count?pageId=40")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task LinkOnAMiddlePageHasAllFourRels()
    {
        using var c = Client();
        using var r = await c.GetAsync("company/companies?pageSize=10&page=3&fields=id");
        var link = string.Join(",", r.Headers.GetValues("Link"));
        var rels = Regex.Matches(link, "page=(\\d+)>; rel=\"(.*?)\"").ToDictionary(m => m.Groups[2].Value, m => int.Parse(m.Groups[1].Value));
        Assert.Equal(new Dictionary<string, int> { ["first"] = 1, ["prev"] = 2, ["next"] = 4, ["last"] = 5 }, rels);
        Assert.Contains("pageSize=10", link);
        Assert.Contains("fields=id", link);
        Assert.DoesNotContain("page=3", link);
        var ids = (await r.Json()).EnumerateArray().Select(e => e.GetProperty("id").GetInt32());
        Assert.Equal(Enumerable.Range(21, 10), ids);
    }

    [Fact]
    public async Task ForwardOnlyWithoutMoreRowsHasAnEmptyLink()
    {
        // Production clients (christaylorcodes/ConnectWiseManageAPI) read a missing Link as "forward-only not
        // supported" and an empty one as the end of the rows.
        using var c = Client();
        using var req = new HttpRequestMessage(HttpMethod.Get, "company/companies?pageSize=1000");
        req.Headers.Add("pagination-type", "forward-only");
        using var r = await c.SendAsync(req);
        Assert.True(r.Headers.TryGetValues("Link", out var link));
        Assert.Equal(string.Empty, string.Join(",", link!).Trim());
    }

    [Theory]
    [InlineData("name=\"O'Brien & Sons\"", "O'Brien & Sons")]
    [InlineData("name='O''Brien & Sons'", "O'Brien & Sons")]
    [InlineData("name = \"Zürich \\\"Alpen\\\" AG\"", "Zürich \"Alpen\" AG")]
    [InlineData("name = \"Zürich \"\"Alpen\"\" AG\"", "Zürich \"Alpen\" AG")]
    [InlineData("name=\"Smith + Jones #1\"", "Smith + Jones #1")]
    [InlineData("name=\"Fabrikam, Inc.\"", "Fabrikam, Inc.")]
    [InlineData("name=\"100% Pure (NZ) Ltd\"", "100% Pure (NZ) Ltd")]
    [InlineData("name=\"Proseware\\Adatum JV\"", "Proseware\\Adatum JV")]
    [InlineData("name=\"proseware\\\\adatum jv\"", "Proseware\\Adatum JV")]
    public async Task HostileNamesAreFound(string conditions, string expected)
    {
        using var c = Client();
        var rows = await c.GetJson("company/companies?conditions=" + Cw.Q(conditions));
        Assert.Equal(new[] { expected }, Cw.Names(rows));
    }

    [Fact]
    public async Task LikeAndCount()
    {
        using var c = Client();
        var rows = await c.GetJson("company/companies?conditions=" + Cw.Q("name like 'Contoso%'") + "&orderBy=name");
        Assert.Equal(new[] { "Contoso Ltd", "Contoso Pharmaceuticals" }, Cw.Names(rows));
        var count = await c.GetJson("company/companies/count?conditions=" + Cw.Q("name LIKE \"contoso%\""));
        Assert.Equal(2, count.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task FieldNamesAreCaseInsensitive()
    {
        using var c = Client();
        var a = await c.GetJson("finance/agreements/count?conditions=" + Cw.Q("Company/ID = 4 AND AGREEMENTSTATUS = 'active'"));
        var b = await c.GetJson("finance/agreements/count?conditions=" + Cw.Q("company/id = 4 and agreementStatus = 'Active'"));
        Assert.Equal(2, b.GetProperty("count").GetInt32());
        Assert.Equal(b.GetRawText(), a.GetRawText());
        var rows = await c.GetJson("company/companies?fields=ID,Name&orderBy=NAME%20desc&pageSize=1");
        Assert.Equal(new[] { "id", "name" }, rows[0].EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task FieldsProjectNestedPaths()
    {
        using var c = Client();
        var rows = await c.GetJson("finance/agreements?pageSize=3&fields=" + Cw.Q("id,name,company/id"));
        foreach (var e in rows.EnumerateArray())
        {
            Assert.Equal(new[] { "id", "name", "company" }, e.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(new[] { "id" }, e.GetProperty("company").EnumerateObject().Select(p => p.Name).ToArray());
        }
    }

    [Fact]
    public async Task MalformedConditionIs400WithPosition()
    {
        using var c = Client();
        using var r = await c.GetAsync("company/companies?conditions=" + Cw.Q("name = 'x' and"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Json();
        Assert.Equal("InvalidObject", body.GetProperty("code").GetString());
        Assert.Contains("position 14", body.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task UnknownIdIs404AndUnknownRouteIs404()
    {
        using var c = Client();
        using var r = await c.GetAsync("company/companies/99999");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var body = await r.Json();
        Assert.Equal("NotFound", body.GetProperty("code").GetString());
        Assert.True(body.TryGetProperty("message", out _));
        using var r2 = await c.GetAsync("company/nothinghere");
        Assert.Equal(HttpStatusCode.NotFound, r2.StatusCode);
        using var r3 = await c.GetAsync("finance/agreements/99999/additions");
        Assert.Equal(HttpStatusCode.NotFound, r3.StatusCode);
    }

    [Fact]
    public async Task ChildConditionsMatchOneCommunicationItem()
    {
        using var c = Client();
        var contact = (await c.GetJson("company/contacts?pageSize=1")).EnumerateArray().First();
        var email = contact.GetProperty("communicationItems").EnumerateArray().First(i => i.GetProperty("communicationType").GetString() == "Email").GetProperty("value").GetString()!;
        var rows = await c.GetJson("company/contacts?childConditions=" + Cw.Q($"communicationItems/value like \"{email.ToUpperInvariant()}\" AND communicationItems/communicationType=\"Email\""));
        Assert.Contains(rows.EnumerateArray(), e => e.GetProperty("id").GetInt32() == contact.GetProperty("id").GetInt32());
        var none = await c.GetJson("company/contacts?childConditions=" + Cw.Q($"communicationItems/value = \"{email}\" AND communicationItems/communicationType=\"Phone\""));
        Assert.Equal(0, none.GetArrayLength());
    }

    [Fact]
    public async Task AdditionQueriesForBulkCancel()
    {
        using var c = Client();
        var agreements = await c.GetJson("finance/agreements?pageSize=1000&conditions=" + Cw.Q("type/name = 'Microsoft 365' and agreementStatus = 'Active'"));
        Assert.True(agreements.GetArrayLength() >= 40);
        int cloud = 0, unite = 0, manual = 0, cancelled = 0;
        foreach (var a in agreements.EnumerateArray())
        {
            int id = a.GetProperty("id").GetInt32();
            cloud += (await c.GetJson($"finance/agreements/{id}/additions/count?conditions=" + Cw.Q("serialNumber = 'cloudconsole' and cancelledDate = null"))).GetProperty("count").GetInt32();
            unite += (await c.GetJson($"finance/agreements/{id}/additions/count?conditions=" + Cw.Q("serialNumber = 'Unite' and agreementStatus = 'Active'"))).GetProperty("count").GetInt32();
            manual += (await c.GetJson($"finance/agreements/{id}/additions/count?conditions=" + Cw.Q("serialNumber = null and cancelledDate = null"))).GetProperty("count").GetInt32();
            cancelled += (await c.GetJson($"finance/agreements/{id}/additions/count?conditions=" + Cw.Q("cancelledDate != null and agreementStatus = 'Cancelled'"))).GetProperty("count").GetInt32();
        }
        Assert.True(cloud > 50, $"cloud {cloud}");
        Assert.True(unite > 50, $"unite {unite}");
        Assert.True(manual > 50, $"manual {manual}");
        Assert.True(cancelled > 50, $"cancelled {cancelled}");
    }

    [Fact]
    public async Task SecurityForFullAndLimitedMembers()
    {
        using var full = Client();
        var mine = await full.GetJson("system/mySecurity?pageSize=1000");
        Assert.All(mine.EnumerateArray(), s => Assert.Equal("All", s.GetProperty("inquireLevel").GetString()));

        using var lim = Cw.Client(fx.Host, Scenarios.LimitedPublicKey, Scenarios.LimitedPrivateKey);
        var settings = (await lim.GetJson("system/mySecurity?pageSize=1000")).EnumerateArray().ToList();
        string Level(string module, string function, string level) =>
            settings.Single(s => s.GetProperty("moduleName").GetString() == module && s.GetProperty("moduleFunctionDescription").GetString() == function).GetProperty(level).GetString()!;
        // The seed table: (module, function, levels required).
        var table = new (string m, string f, string[] levels)[]
        {
            ("Companies", "Company Maintenance", new[] { "inquireLevel" }),
            ("Companies", "Contacts", new[] { "addLevel", "editLevel", "inquireLevel" }),
            ("Finance", "Agreement Invoicing", new[] { "inquireLevel" }),
            ("Finance", "Agreements", new[] { "addLevel", "editLevel", "inquireLevel" }),
            ("Finance", "Invoicing", new[] { "inquireLevel" }),
            ("Procurement", "Product Catalog", new[] { "inquireLevel" }),
            ("Procurement", "Products", new[] { "inquireLevel" }),
            ("Service Desk", "Service Tickets", new[] { "addLevel", "inquireLevel" }),
            ("System", "Table Setup", new[] { "editLevel", "inquireLevel" }),
        };
        var missing = table.SelectMany(t => t.levels.Where(l => Level(t.m, t.f, l) != "All").Select(l => $"{t.m}/{t.f}/{l}")).ToList();
        Assert.Equal(new[] { "Finance/Agreements/editLevel", "Procurement/Products/inquireLevel", "Service Desk/Service Tickets/addLevel" }, missing);

        using var denied = await lim.GetAsync("procurement/products");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var body = await denied.Json();
        Assert.Equal("You do not have security permission to perform this action.", body.GetProperty("message").GetString());
        using var allowed = await lim.GetAsync("procurement/catalog");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var patch = await lim.PatchAsync("finance/agreements/1", Cw.Body("[]"));
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        using var ticket = await lim.PostAsync("service/tickets", Cw.Body("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, ticket.StatusCode);
    }

    [Fact]
    public async Task SystemEndpoints()
    {
        using var c = Client();
        var info = await c.GetJson("system/info");
        Assert.True(info.GetProperty("isCloud").GetBoolean());
        var roles = await c.GetJson("system/securityroles");
        Assert.True(roles.GetArrayLength() >= 2);
        var settings = await c.GetJson("system/securityRoles/2/settings?pageSize=100");
        Assert.True(settings.GetArrayLength() >= 9);
        var members = await c.GetJson("system/members?conditions=" + Cw.Q("identifier = 'S365'"));
        Assert.Equal(1, members.GetArrayLength());
        var byIdent = await c.GetJson("system/members/S365");
        Assert.Equal(1, byIdent.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task MethodNotAllowed()
    {
        using var c = Client();
        using var r = await c.DeleteAsync("company/companies/count");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        using var r2 = await c.PostAsync("system/members", Cw.Body("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r2.StatusCode);
    }
}
