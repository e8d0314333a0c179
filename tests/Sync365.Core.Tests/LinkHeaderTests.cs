using Sync365.Core.Psa.ConnectWise;
using Xunit;

namespace Sync365.Core.Tests;

public class LinkHeaderTests
{
    [Fact]
    public void Finds_each_rel_in_a_connectwise_link_header()
    {
        const string header = "<https://x/v4_6_release/apis/3.0/company/companies?pageSize=2&page=1>; rel=\"first\", <https://x/v4_6_release/apis/3.0/company/companies?pageSize=2&page=3>; rel=\"next\", <https://x/v4_6_release/apis/3.0/company/companies?pageSize=2&page=9>; rel=\"last\"";
        Assert.EndsWith("page=3", LinkHeader.FindRel(header, "next"));
        Assert.EndsWith("page=9", LinkHeader.FindRel(header, "last"));
        Assert.EndsWith("page=1", LinkHeader.FindRel(header, "first"));
        Assert.Null(LinkHeader.FindRel(header, "prev"));
    }

    [Fact]
    public void A_url_with_commas_and_semicolons_inside_the_brackets_is_kept_whole()
    {
        const string header = "<https://x/a?conditions=name%3D%22a%2Cb%3Bc%22&pageSize=2&pageId=5>; rel=\"next\"";
        Assert.Equal("https://x/a?conditions=name%3D%22a%2Cb%3Bc%22&pageSize=2&pageId=5", LinkHeader.FindRel(header, "next"));
    }

    [Fact]
    public void Empty_or_malformed_headers_have_no_rel()
    {
        Assert.Null(LinkHeader.FindRel(string.Empty, "next"));
        Assert.Null(LinkHeader.FindRel("<https://x/a", "next"));
    }

    [Fact]
    public void List_urls_keep_conditions_encoded_and_put_the_page_last()
    {
        var q = new ListQuery { Conditions = "name=\"O'Brien & Sons\"", OrderBy = "name asc", ForwardOnly = false };
        var url = ConnectWiseClient.BuildListUrl("company/companies", q, 1000, forwardOnly: false, page: 2, pageId: null);
        Assert.Equal("company/companies?conditions=name%3D%22O%27Brien%20%26%20Sons%22&orderBy=name%20asc&pageSize=1000&page=2", url);
        var fo = ConnectWiseClient.BuildListUrl("company/companies", new ListQuery { Conditions = "id>3" }, 1000, forwardOnly: true, page: 1, pageId: 42);
        Assert.Equal("company/companies?conditions=id%3E3&pageSize=1000&pageId=42", fo);
    }
}
