using Sync365.Commands;
using Xunit;

namespace Sync365.Tests;

/// <summary>What the read cmdlets send as conditions: every filter on the server, never fewer rows than match.</summary>
public class ReadConditionTests
{
    [Theory]
    [InlineData("O'Brien & Sons", "(company/name=\"O'Brien & Sons\") or (company/identifier=\"O'Brien & Sons\")")]
    [InlineData("Zürich \"Alpen\" AG", "(company/name='Zürich \"Alpen\" AG') or (company/identifier='Zürich \"Alpen\" AG')")]
    [InlineData("Contoso*", "(company/name like \"Contoso%\") or (company/identifier like \"Contoso%\")")]
    public void CompanyNamesBecomeOneCondition(string name, string expected)
    {
        var selector = new CompanySelector();
        Assert.Null(selector.Add(name));
        Assert.Equal(expected, selector.Condition("company"));
    }

    [Fact]
    public void ANameWithBothQuotesOverMatchesOnTheServerAndIsExactOnTheClient()
    {
        var selector = new CompanySelector();
        selector.Add("Bob's \"Best\" Bikes");
        Assert.Equal("(company/name like \"Bob's %Best% Bikes\") or (company/identifier like \"Bob's %Best% Bikes\")", selector.Condition("company"));
        Assert.True(selector.Matches(1, "Bob's \"Best\" Bikes", null));
        Assert.False(selector.Matches(2, "Bob's \"Best\"  Bikes", null));
    }

    [Fact]
    public void IdsAndObjectsBecomeAnInCondition()
    {
        var selector = new CompanySelector();
        selector.Add(7);
        selector.Add(new Sync365.Core.Psa.Company { Id = 9 });
        selector.Add(new Sync365.Core.Psa.Agreement { Id = 1000, CompanyId = 11 });
        Assert.Equal("company/id in (7,9,11)", selector.Condition("company"));
        Assert.NotNull(selector.Add(new object()));
    }

    [Fact]
    public void AWildcardThatMatchesEverythingDropsTheCompanyFilter()
    {
        var selector = new CompanySelector();
        selector.Add("*");
        Assert.True(selector.MatchesAll);
        Assert.Null(selector.Condition("company"));
    }

    [Fact]
    public void ActiveAdditionsAreThoseWithoutACancelledDateInThePast()
    {
        var now = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);
        Assert.Equal("(cancelledDate=null) or (cancelledDate>[2026-12-04T20:00:00Z])", GetS365AdditionCommand.AdditionConditions(false, null, null, now));
        Assert.Null(GetS365AdditionCommand.AdditionConditions(true, null, null, now));
        Assert.Equal("((cancelledDate=null) or (cancelledDate>[2026-12-04T20:00:00Z])) and (serialNumber like \"Cloud%\") and (product/identifier=\"M365-BP\")",
            GetS365AdditionCommand.AdditionConditions(false, "serialNumber like \"Cloud%\"", "product/identifier=\"M365-BP\"", now));
    }

    [Theory]
    [InlineData("Smith", "(firstName=\"Smith\") or (lastName=\"Smith\")")]
    [InlineData("Mary Ann Smith", "(firstName like \"Mary%\") or (lastName like \"Mary%\")")]
    [InlineData("J*h", "(firstName like \"J%\") or (lastName like \"J%\")")]
    [InlineData("*Smith", null)]
    public void ContactNamesSendOnlyWhatCannotMissAMatch(string pattern, string? expected) =>
        Assert.Equal(expected, GetS365ContactCommand.NameCondition(pattern));
}
