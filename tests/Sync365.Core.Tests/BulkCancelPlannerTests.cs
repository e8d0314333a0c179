using Sync365.Core.Billing;
using Sync365.Core.Psa;
using Xunit;

namespace Sync365.Core.Tests;

public class BulkCancelPlannerTests
{
    private static readonly DateTime Day = new(2026, 12, 31);
    private static readonly DateTime Today = new(2026, 12, 4);

    private static Addition A(long id, string? serial = "CloudConsole", string? cancelled = null, string effective = "2025-01-01", string product = "M365-BP", string type = "Microsoft 365") => new()
    {
        Id = id,
        AgreementId = 1,
        AgreementName = "M365",
        AgreementType = type,
        CompanyName = "Contoso",
        Product = product,
        SerialNumber = serial,
        EffectiveDate = DateTimeOffset.Parse(effective + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        CancelledDate = cancelled == null ? null : DateTimeOffset.Parse(cancelled, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<long, CancelPlanItem> Plan(BulkCancelCriteria c, params Addition[] additions) =>
        BulkCancelPlanner.Plan(additions, c).ToDictionary(p => p.Addition.Id);

    [Fact]
    public void DecidesEachAdditionByItsDates()
    {
        var c = new BulkCancelCriteria { SerialNumber = "CloudConsole", CancelDate = Day, Today = Today };
        var plan = Plan(c,
            A(1),                                              // active, no end: cancel
            A(2, cancelled: "2026-12-31T00:00:00Z"),           // a first run did it
            A(3, cancelled: "2027-03-31T00:00:00Z"),           // due to end later: moved earlier
            A(4, cancelled: "2026-12-15T00:00:00Z"),           // ends earlier: never extended
            A(5, cancelled: "2026-06-30T00:00:00Z"),           // ended long ago: not active, not listed
            A(6, effective: "2027-01-01"),                     // starts after the date: reported
            A(7, effective: "2026-12-31"));                    // starts on the date: cancel
        Assert.Equal(CancelAction.Cancel, plan[1].Action);
        Assert.Equal(CancelAction.AlreadyCancelled, plan[2].Action);
        Assert.Equal(CancelAction.Cancel, plan[3].Action);
        Assert.Contains("2027-03-31", plan[3].Reason, StringComparison.Ordinal);
        Assert.Equal(CancelAction.AlreadyCancelled, plan[4].Action);
        Assert.Contains("never extends", plan[4].Reason, StringComparison.Ordinal);
        Assert.False(plan.ContainsKey(5));
        Assert.Equal(CancelAction.Skip, plan[6].Action);
        Assert.Contains("after the cancel date", plan[6].Reason, StringComparison.Ordinal);
        Assert.Equal(CancelAction.Cancel, plan[7].Action);
    }

    [Fact]
    public void ARerunAfterTheCancelDateStillReportsTheDoneOnesAsAlreadyCancelled()
    {
        var c = new BulkCancelCriteria { SerialNumber = "CloudConsole", CancelDate = Day, Today = new DateTime(2027, 1, 5) };
        var plan = Plan(c, A(1, cancelled: "2026-12-31T00:00:00Z"), A(2, cancelled: "2026-11-30T00:00:00Z"));
        Assert.Equal(CancelAction.AlreadyCancelled, plan[1].Action);
        Assert.False(plan.ContainsKey(2));
        Assert.Equal(new DateTime(2026, 12, 31), c.LowerBound);
    }

    [Fact]
    public void SerialNumbersMatchCaseInsensitivelyAndBlankMeansManual()
    {
        var cloud = new BulkCancelCriteria { SerialNumber = "cloudconsole", CancelDate = Day, Today = Today };
        var cloudPlan = Plan(cloud, A(1, "CloudConsole"), A(2, "CLOUDCONSOLE "), A(3, "Unite"), A(4, null), A(5, "CloudConsole2"));
        Assert.Equal(new long[] { 1, 2 }, cloudPlan.Keys.OrderBy(x => x));

        var manual = new BulkCancelCriteria { SerialNumber = null, CancelDate = Day, Today = Today };
        var manualPlan = Plan(manual, A(1, "CloudConsole"), A(2, null), A(3, string.Empty), A(4, "  "));
        Assert.Equal(new long[] { 2, 3, 4 }, manualPlan.Keys.OrderBy(x => x));
    }

    [Fact]
    public void TheClientCheckRemovesWhatALikeFilterOverMatched()
    {
        var c = new BulkCancelCriteria
        {
            SerialNumber = "Unite",
            CancelDate = Day,
            Today = Today,
            ProductMatches = p => p == "M365_BP",
            AgreementTypeMatches = t => t == "Microsoft 365",
        };
        var plan = Plan(c, A(1, "Unite", product: "M365_BP"), A(2, "Unite", product: "M365XBP"), A(3, "Unite", product: "M365_BP", type: "Backup"));
        Assert.Equal(new long[] { 1 }, plan.Keys);
    }

    [Fact]
    public void TheCancelDateIsACalendarDateSentAsMidnightUtc()
    {
        Assert.Equal("2026-12-31T00:00:00Z", CancelDates.ToWire(new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Local)));
        Assert.Equal("2026-12-31T00:00:00Z", CancelDates.ToWire(new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("2026-12-31T00:00:00Z", CancelDates.ToWire(new DateTime(2026, 12, 31)));
        Assert.Equal(new DateTime(2026, 12, 31), CancelDates.DateOf(DateTimeOffset.Parse("2026-12-31T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void TheServerConditionsAskOnlyForActiveMatchingAdditions()
    {
        var c = new BulkCancelCriteria { SerialNumber = "CloudConsole", CancelDate = Day, Today = Today, ProductPatterns = new[] { "M365*" } };
        Assert.Equal("(serialNumber=\"CloudConsole\") and (cancelledDate=null or cancelledDate>=[2026-12-04T00:00:00Z]) and (product/identifier like \"M365%\")", AdditionFinder.AdditionConditions(c));
        var manual = new BulkCancelCriteria { CancelDate = Day, Today = Today };
        Assert.Equal("(serialNumber=null or serialNumber=\"\") and (cancelledDate=null or cancelledDate>=[2026-12-04T00:00:00Z])", AdditionFinder.AdditionConditions(manual));
        Assert.Equal("(type/name=\"Microsoft 365\") or (type/name like \"Backup%\")", AdditionFinder.AgreementTypeCondition(new BulkCancelCriteria { AgreementTypePatterns = new[] { "Microsoft 365", "Backup*" } }));
    }
}
