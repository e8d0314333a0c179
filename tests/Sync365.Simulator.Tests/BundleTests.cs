using System.Net;
using System.Text.Json;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

public class BundleTests(DemoFixture fx) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task PascalCaseOfficialShapeWorks()
    {
        using var c = Cw.Client(fx.Host);
        var body = """
            {"requests":[
              {"Version":"2019.3","SequenceNumber":1,"ResourceType":"ticket","ApiRequest":{"Filters":{"conditions":"summary like '%a%' and board/name='Help Desk'"}}},
              {"Version":"2019.2","SequenceNumber":2,"ResourceType":"Company","ApiRequest":{"Filters":{"conditions":"name = 'O''Brien & Sons'","childConditions":"","customFieldConditions":""}}},
              {"SequenceNumber":3,"ResourceType":"agreementaddition","ApiRequest":{"ParentId":2,"Page":{"Page":1,"PageSize":5},"Fields":"id,serialNumber"}},
              {"sequenceNumber":4,"resourceType":"addition","apiRequest":{"parentId":2,"id":99999}},
              {"sequenceNumber":5,"resourceType":"nosuchthing","apiRequest":{}},
              {"sequenceNumber":6,"resourceType":"company","apiRequest":{"filters":{"conditions":"name = "}}}
            ]}
            """;
        using var r = await c.PostAsync("system/bundles", Cw.Body(body));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var results = (await r.Json()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(6, results.Count);
        Assert.True(results[0].GetProperty("success").GetBoolean());
        Assert.All(results[0].GetProperty("entities").EnumerateArray(), e => Assert.Equal("Help Desk", e.GetProperty("board").GetProperty("name").GetString()));
        Assert.Equal("2019.3", results[0].GetProperty("version").GetString());
        Assert.Equal(1, results[1].GetProperty("count").GetInt32());
        Assert.Equal(2, results[1].GetProperty("sequenceNumber").GetInt32());
        Assert.Equal(5, results[2].GetProperty("entities").GetArrayLength());
        Assert.All(results[2].GetProperty("entities").EnumerateArray(), e => Assert.DoesNotContain(e.EnumerateObject(), p => p.Name is not ("id" or "serialNumber")));
        Assert.Equal(404, results[3].GetProperty("statusCode").GetInt32());
        Assert.False(results[3].GetProperty("success").GetBoolean());
        Assert.Equal(400, results[4].GetProperty("statusCode").GetInt32());
        Assert.Equal(400, results[5].GetProperty("statusCode").GetInt32());
        Assert.True(results[5].GetProperty("error").TryGetProperty("message", out _));
    }

    [Fact]
    public async Task TooManyRequestsIs400()
    {
        using var c = Cw.Client(fx.Host);
        var reqs = string.Join(",", Enumerable.Range(1, 101).Select(i => $"{{\"sequenceNumber\":{i},\"resourceType\":\"company\",\"apiRequest\":{{\"id\":1}}}}"));
        using var r = await c.PostAsync("system/bundles", Cw.Body("{\"requests\":[" + reqs + "]}"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("100", (await r.Json()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task LimitedMemberGetsPerItem403()
    {
        using var c = Cw.Client(fx.Host, Scenarios.LimitedPublicKey, Scenarios.LimitedPrivateKey);
        using var r = await c.PostAsync("system/bundles", Cw.Body("{\"requests\":[{\"sequenceNumber\":1,\"resourceType\":\"product\",\"apiRequest\":{}},{\"sequenceNumber\":2,\"resourceType\":\"catalogItem\",\"apiRequest\":{}}]}"));
        var results = (await r.Json()).GetProperty("results");
        Assert.Equal(403, results[0].GetProperty("statusCode").GetInt32());
        Assert.Equal(200, results[1].GetProperty("statusCode").GetInt32());
    }
}
