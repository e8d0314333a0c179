using Sync365.Core.Psa.ConnectWise;
using Xunit;

namespace Sync365.Core.Tests;

public class ConditionTextTests
{
    [Theory]
    [InlineData("Contoso Ltd", "name=\"Contoso Ltd\"")]
    [InlineData("O'Brien & Sons", "name=\"O'Brien & Sons\"")]
    [InlineData("Zürich \"Alpen\" AG", "name='Zürich \"Alpen\" AG'")]
    [InlineData("Smith + Jones #1", "name=\"Smith + Jones #1\"")]
    [InlineData("100% Pure (NZ) Ltd", "name=\"100% Pure (NZ) Ltd\"")]
    public void Exact_values_are_quoted_with_the_quote_they_do_not_contain(string value, string expected)
    {
        var f = ConditionText.StringEquals("name", value);
        Assert.True(f.Exact);
        Assert.Equal(expected, f.Condition);
    }

    [Theory]
    [InlineData("Both ' and \" here", "name like \"Both ' and % here\"")]
    [InlineData("Back\\slash", "name like \"Back%slash\"")]
    public void Values_that_would_need_escaping_become_an_overmatching_like(string value, string expected)
    {
        var f = ConditionText.StringEquals("name", value);
        Assert.False(f.Exact);
        Assert.Equal(expected, f.Condition);
    }

    [Theory]
    [InlineData("Contoso*", "name like \"Contoso%\"")]
    [InlineData("*Pure*", "name like \"%Pure%\"")]
    [InlineData("100% P*", "name like \"100% P%\"")]
    [InlineData("Smith_J?nes", "name like \"Smith%J%nes\"")]
    [InlineData("[AB]lpine*", "name like \"%lpine%\"")]
    public void Wildcards_become_like_patterns_that_never_undermatch(string pattern, string expected)
    {
        var f = ConditionText.Wildcard("name", pattern);
        Assert.False(f.Exact);
        Assert.Equal(expected, f.Condition);
    }

    [Fact]
    public void A_match_everything_pattern_sends_no_condition()
    {
        Assert.Null(ConditionText.Wildcard("name", "*").Condition);
        Assert.Null(ConditionText.Wildcard("name", "**").Condition);
    }

    [Fact]
    public void Escaped_wildcard_characters_are_literal()
    {
        var f = ConditionText.Wildcard("name", "Star`*Corp");
        Assert.True(f.Exact);
        Assert.Equal("name=\"Star*Corp\"", f.Condition);
    }

    [Fact]
    public void And_and_or_parenthesise_each_part_and_skip_empty_ones()
    {
        Assert.Equal("(a=1) and (b=2 or c=3)", ConditionText.And("a=1", null, "b=2 or c=3", " "));
        Assert.Equal("a=1", ConditionText.And("a=1", null));
        Assert.Null(ConditionText.Or(null, ""));
        Assert.Equal("id in (1,2,3)", ConditionText.In("id", new long[] { 1, 2, 2, 3 }));
        Assert.Equal("id=7", ConditionText.In("id", new long[] { 7 }));
    }

    [Fact]
    public void Dates_are_sent_as_utc_in_brackets()
    {
        var d = new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal("cancelledDate>[2027-01-01T04:00:00Z]", ConditionText.DateTime("cancelledDate", ">", d));
    }
}
