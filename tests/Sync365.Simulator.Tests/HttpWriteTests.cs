using System.Net;
using System.Text.Json;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

/// <summary>Each test starts its own simulator, so writes never leak between tests.</summary>
public class HttpWriteTests
{
    [Fact]
    public async Task PostValidatesRequiredFields()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var r = await c.PostAsync("finance/agreements/2/additions", Cw.Body("{\"quantity\":3}"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        var body = await r.Json();
        Assert.Equal("InvalidObject", body.GetProperty("code").GetString());
        var errors = body.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(new[] { "billCustomer", "product" }, errors.Select(e => e.GetProperty("field").GetString()).OrderBy(x => x).ToArray());
        Assert.All(errors, e =>
        {
            Assert.Equal("MissingRequiredField", e.GetProperty("code").GetString());
            Assert.Equal("addition", e.GetProperty("resource").GetString());
        });
    }

    [Fact]
    public async Task PostAdditionResolvesReferencesAndComputes()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        var before = (await c.GetJson("finance/agreements/2/additions/count")).GetProperty("count").GetInt32();
        using var r = await c.PostAsync("finance/agreements/2/additions",
            Cw.Body("{\"product\":{\"id\":3},\"billCustomer\":\"Billable\",\"quantity\":4,\"unitPrice\":26.4,\"unitCost\":22,\"effectiveDate\":\"2026-12-01T00:00:00Z\"}"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var a = await r.Json();
        Assert.Equal("M365-BP", a.GetProperty("product").GetProperty("identifier").GetString());
        Assert.Equal(2, a.GetProperty("agreementId").GetInt32());
        Assert.Equal(105.6, a.GetProperty("extPrice").GetDouble(), 3);
        Assert.Equal("Active", a.GetProperty("agreementStatus").GetString());
        Assert.Equal("S365", a.GetProperty("_info").GetProperty("updatedBy").GetString());
        int id = a.GetProperty("id").GetInt32();
        var got = await c.GetJson($"finance/agreements/2/additions/{id}");
        Assert.Equal(a.GetRawText(), got.GetRawText());
        Assert.Equal(before + 1, (await c.GetJson("finance/agreements/2/additions/count")).GetProperty("count").GetInt32());
        using var wrongParent = await c.GetAsync($"finance/agreements/3/additions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, wrongParent.StatusCode);

        using var badEnum = await c.PostAsync("finance/agreements/2/additions", Cw.Body("{\"product\":{\"id\":3},\"billCustomer\":\"Sometimes\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, badEnum.StatusCode);
        Assert.Equal("billCustomer", (await badEnum.Json()).GetProperty("errors")[0].GetProperty("field").GetString());
        using (var cased = await c.PostAsync("finance/agreements/2/additions", Cw.Body("{\"Product\":{\"ID\":3},\"BillCustomer\":\"Billable\",\"Quantity\":2,\"UnitPrice\":10}")))
        {
            Assert.Equal(HttpStatusCode.Created, cased.StatusCode);
            var names = (await cased.Json()).EnumerateObject().Select(p => p.Name).ToList();
            Assert.Contains("quantity", names);
            Assert.DoesNotContain("Quantity", names);
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
        using (var lower = await c.PostAsync("finance/agreements/2/additions", Cw.Body("{\"product\":{\"id\":3},\"billCustomer\":\"donotbill\"}")))
            Assert.Equal("DoNotBill", (await lower.Json()).GetProperty("billCustomer").GetString());

        using var bad = await c.PostAsync("finance/agreements/2/additions", Cw.Body("{\"product\":{\"id\":999},\"billCustomer\":\"Billable\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("product/id", (await bad.Json()).GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task PatchCancelsAnAddition()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        var add = (await c.GetJson("finance/agreements/2/additions?conditions=" + Cw.Q("cancelledDate = null") + "&pageSize=1"))[0];
        int id = add.GetProperty("id").GetInt32();
        var lastUpdated = add.GetProperty("_info").GetProperty("lastUpdated").GetString();

        using var r = await c.PatchAsync($"finance/agreements/2/additions/{id}",
            Cw.Body("[{\"op\":\"replace\",\"path\":\"/cancelledDate\",\"value\":\"2026-11-30T00:00:00Z\"}]"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var p = await r.Json();
        Assert.Equal("2026-11-30T00:00:00Z", p.GetProperty("cancelledDate").GetString());
        Assert.Equal("Cancelled", p.GetProperty("agreementStatus").GetString());
        Assert.NotEqual(lastUpdated, p.GetProperty("_info").GetProperty("lastUpdated").GetString());

        // A future cancelled date keeps the addition Active until that date.
        using var r2 = await c.PatchAsync($"finance/agreements/2/additions/{id}",
            Cw.Body("[{\"op\":\"replace\",\"path\":\"cancelledDate\",\"value\":\"2099-01-31T00:00:00Z\"},{\"op\":\"replace\",\"path\":\"quantity\",\"value\":7}]"));
        var p2 = await r2.Json();
        Assert.Equal("Active", p2.GetProperty("agreementStatus").GetString());
        Assert.Equal(7, p2.GetProperty("quantity").GetDouble());

        using var r3 = await c.PatchAsync($"finance/agreements/2/additions/{id}", Cw.Body("[{\"op\":\"remove\",\"path\":\"cancelledDate\"}]"));
        var p3 = await r3.Json();
        Assert.False(p3.TryGetProperty("cancelledDate", out _));

        using var bad = await c.PatchAsync($"finance/agreements/2/additions/{id}", Cw.Body("{\"cancelledDate\":\"x\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badOp = await c.PatchAsync($"finance/agreements/2/additions/{id}", Cw.Body("[{\"op\":\"move\",\"path\":\"quantity\"}]"));
        Assert.Equal(HttpStatusCode.BadRequest, badOp.StatusCode);
    }

    [Fact]
    public async Task PatchResolvesReferencesAndNestedPaths()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var r = await c.PatchAsync("finance/agreements/1",
            Cw.Body("[{\"op\":\"replace\",\"path\":\"type\",\"value\":{\"id\":2}},{\"op\":\"replace\",\"path\":\"billingCycle/name\",\"value\":\"Quarterly\"}]"));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var a = await r.Json();
        Assert.Equal("Managed Services", a.GetProperty("type").GetProperty("name").GetString());
        Assert.Equal("Quarterly", a.GetProperty("billingCycle").GetProperty("name").GetString());
        using var r2 = await c.PatchAsync("finance/agreements/1", Cw.Body("[{\"op\":\"replace\",\"path\":\"company/id\",\"value\":5}]"));
        var a2 = await r2.Json();
        Assert.Equal("Zürich \"Alpen\" AG", a2.GetProperty("company").GetProperty("name").GetString());
    }

    [Fact]
    public async Task PutReplacesAndDeleteRemoves()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var post = await c.PostAsync("company/contacts", Cw.Body("{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"company\":{\"id\":1}}"));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        int id = (await post.Json()).GetProperty("id").GetInt32();
        using var put = await c.PutAsync($"company/contacts/{id}", Cw.Body("{\"firstName\":\"Ada\",\"lastName\":\"King\",\"company\":{\"id\":2}}"));
        var p = await put.Json();
        Assert.Equal("King", p.GetProperty("lastName").GetString());
        Assert.Equal("Contoso Pharmaceuticals", p.GetProperty("company").GetProperty("name").GetString());
        using var del = await c.DeleteAsync($"company/contacts/{id}");
        Assert.Equal(HttpStatusCode.NoContent, del.StatusCode);
        using var gone = await c.GetAsync($"company/contacts/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task TicketPostGetsDefaultsAndResolvesReferencesByName()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var r = await c.PostAsync("service/tickets", Cw.Body("{\"summary\":\"Sync 365: licence mismatch\",\"company\":{\"identifier\":\"OBrienSons\"},\"board\":{\"name\":\"alerts\"},\"initialDescription\":\"x\"}"));
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var t = await r.Json();
        Assert.Equal(4, t.GetProperty("company").GetProperty("id").GetInt32());
        Assert.Equal("O'Brien & Sons", t.GetProperty("company").GetProperty("name").GetString());
        Assert.Equal(2, t.GetProperty("board").GetProperty("id").GetInt32());
        Assert.Equal("Priority 3 - Normal Response", t.GetProperty("priority").GetProperty("name").GetString());
        Assert.Equal("New", t.GetProperty("status").GetProperty("name").GetString());
        Assert.Equal("ServiceTicket", t.GetProperty("recordType").GetString());

        using var missing = await c.PostAsync("service/tickets", Cw.Body("{\"summary\":\"x\",\"company\":{\"id\":12345}}"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("NotFound", (await missing.Json()).GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task ConcurrentWritesAreSafe()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        var before = (await c.GetJson("finance/agreements/2/additions/count")).GetProperty("count").GetInt32();
        var tasks = Enumerable.Range(0, 40).Select(async i =>
        {
            using var r = await c.PostAsync("finance/agreements/2/additions", Cw.Body($"{{\"product\":{{\"id\":{1 + i % 20}}},\"billCustomer\":\"Billable\",\"quantity\":{i + 1}}}"));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            return (await r.Json()).GetProperty("id").GetInt32();
        });
        var ids = await Task.WhenAll(tasks);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Equal(before + 40, (await c.GetJson("finance/agreements/2/additions/count")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ResetRestoresDataAndStats()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions());
        using var c = Cw.Client(host);
        using var raw = Cw.Raw(host);
        using (await c.DeleteAsync("company/contacts/1")) { }
        using (var gone = await c.GetAsync("company/contacts/1")) Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using (var reset = await raw.PostAsync("_sim/reset", null)) Assert.True(reset.IsSuccessStatusCode);
        var stats = await raw.GetJson("_sim/stats");
        Assert.Equal(0, stats.GetProperty("total").GetInt64());
        using var back = await c.GetAsync("company/contacts/1");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task CompanyIdentifierMustBeUniqueAndShort()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = "empty" });
        using var c = Cw.Client(host);
        Assert.Equal(0, (await c.GetJson("company/companies/count")).GetProperty("count").GetInt32());
        using var ok = await c.PostAsync("company/companies", Cw.Body("{\"identifier\":\"NewCo\",\"name\":\"New Co\"}"));
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        using var dup = await c.PostAsync("company/companies", Cw.Body("{\"identifier\":\"newco\",\"name\":\"New Co 2\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, dup.StatusCode);
        using var longId = await c.PostAsync("company/companies", Cw.Body("{\"identifier\":\"" + new string('x', 31) + "\",\"name\":\"Long\"}"));
        Assert.Equal(HttpStatusCode.BadRequest, longId.StatusCode);
        Assert.Equal("MaxLengthField", (await longId.Json()).GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
