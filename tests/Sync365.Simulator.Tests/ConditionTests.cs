using System.Text.Json;
using Sync365.Simulator;

namespace Sync365.Simulator.Tests;

public class ConditionTests
{
    private static readonly JsonElement Entity = JsonDocument.Parse("""
        {"id":7,"name":"O'Brien & Sons","identifier":"OBrienSons","quantity":12.5,"activeFlag":true,"serialNumber":null,
         "effectiveDate":"2026-03-01T00:00:00Z","company":{"id":3,"name":"Zürich \"Alpen\" AG"},"path":"C:\\temp",
         "communicationItems":[{"value":"a@x.com","communicationType":"Email"},{"value":"555","communicationType":"Phone"}]}
        """).RootElement;

    [Theory]
    [InlineData("id = 7", true)]
    [InlineData("id=7", true)]
    [InlineData("id != 7", false)]
    [InlineData("id < 8 AND id > 6", true)]
    [InlineData("id <= 7 and id >= 7", true)]
    [InlineData("id > 7", false)]
    [InlineData("quantity > 12", true)]
    [InlineData("quantity = 12.5", true)]
    [InlineData("name = \"O'Brien & Sons\"", true)]
    [InlineData("name = 'O''Brien & Sons'", true)]
    [InlineData("name = 'O\\'Brien & Sons'", true)]
    [InlineData("NAME = \"o'brien & sons\"", true)]
    [InlineData("name like \"O'Brien%\"", true)]
    [InlineData("name LIKE \"%sons\"", true)]
    [InlineData("name like \"O_Brien%\"", true)]
    [InlineData("name like \"Brien%\"", false)]
    [InlineData("name contains \"brien\"", true)]
    [InlineData("name CONTAINS 'xyz'", false)]
    [InlineData("name not like \"%Sons\"", false)]
    [InlineData("not name like \"%Sons\"", false)]
    [InlineData("id in (1,2,7)", true)]
    [InlineData("id IN (1, 2)", false)]
    [InlineData("identifier in (\"x\", 'obriensons')", true)]
    [InlineData("id not in (7)", false)]
    [InlineData("activeFlag = true", true)]
    [InlineData("activeFlag = False", false)]
    [InlineData("activeFlag = True", true)]
    [InlineData("serialNumber = null", true)]
    [InlineData("serialNumber != null", false)]
    [InlineData("missingField = null", true)]
    [InlineData("missingField = 'x'", false)]
    [InlineData("serialNumber != 'CloudConsole'", false)]
    [InlineData("effectiveDate > [2026-01-01T00:00:00Z]", true)]
    [InlineData("effectiveDate < [2026-01-01]", false)]
    [InlineData("effectiveDate > '2026-01-01'", true)]
    [InlineData("effectiveDate = '2026-03-01T00:00:00+00:00'", true)]
    [InlineData("effectiveDate < \"2026-02-28T18:00:00-05:00\"", false)]
    [InlineData("company/id = 3", true)]
    [InlineData("company/name = \"Zürich \"\"Alpen\"\" AG\"", true)]
    [InlineData("company/name = \"Zürich \\\"Alpen\\\" AG\"", true)]
    [InlineData("path = \"C:\\temp\"", true)]
    [InlineData("path = \"C:\\\\temp\"", true)]
    [InlineData("(id = 1 or id = 7) and name like 'O%'", true)]
    [InlineData("id = 1 or id = 2 and id = 7", false)]
    [InlineData("(id = 1 or id = 7) and (name = 'x' or quantity > 1)", true)]
    [InlineData("communicationItems/value = 'a@x.com'", true)]
    [InlineData("communicationItems/communicationType = \"Fax\"", false)]
    [InlineData("name like '%a%'and id = 7", false)]
    [InlineData("id = -1 or id = 7", true)]
    public void Evaluates(string conditions, bool expected) =>
        Assert.Equal(expected, Condition.Parse(conditions).Matches(Entity));

    [Theory]
    [InlineData("name =", 6)]
    [InlineData("name = 'abc", 7)]
    [InlineData("= 5", 0)]
    [InlineData("id = 5 and", 10)]
    [InlineData("(id = 5", 7)]
    [InlineData("id 5", 3)]
    [InlineData("id = 5 id = 6", 7)]
    [InlineData("id in 5", 6)]
    [InlineData("id = [not-a-date]", 5)]
    [InlineData("name ~ 'x'", 5)]
    public void ReportsPosition(string conditions, int position)
    {
        var ex = Assert.Throws<QuerySyntaxException>(() => Condition.Parse(conditions));
        Assert.Equal(position, ex.Position);
        Assert.Contains("position " + position, ex.Message);
    }

    [Fact]
    public void BlankMatchesEverything() => Assert.True(Condition.Parse("  ").Matches(Entity));
}
