using System.Text;
using Sync365.Core.Journal;
using Xunit;

namespace Sync365.Core.Tests;

public class JournalTests
{
    private static string TempPath() => Path.Combine(Path.GetTempPath(), "s365-journal-tests", Guid.NewGuid().ToString("N"), "j.jsonl");

    private static JournalRunStart Run(string id) => new()
    {
        RunId = id,
        Command = "Invoke-S365BulkCancelAddition",
        Server = "https://api-na.myconnectwise.net",
        CompanyId = "contoso",
        ConnectionName = "prod",
        Parameters = new Dictionary<string, object?> { ["CancelDate"] = "2026-12-31T00:00:00Z" },
    };

    private static ChangeIntent Cancel(long id, object? before) => new()
    {
        Resource = "finance/agreements/7/additions",
        RecordId = id,
        Operation = "cancel",
        Target = $"addition {id}",
        Before = new Dictionary<string, object?> { ["cancelledDate"] = before },
        After = new Dictionary<string, object?> { ["cancelledDate"] = "2026-12-31T00:00:00Z" },
        Context = new Dictionary<string, object?> { ["company"] = "Contoso", ["quantity"] = 12m },
    };

    [Fact]
    public void EveryLineIsOnDiskWhenTheCallReturnsAndReadsBackAsRunsAndChanges()
    {
        var path = TempPath();
        using (var w = JournalWriter.Open(path, Run("r1")))
        {
            var a = w.Intent(Cancel(101, null));

            // Written and flushed before the request would be sent: another reader sees it now.
            var midway = JournalReader.Read(path);
            Assert.Equal(ChangeState.Unknown, Assert.Single(Assert.Single(midway.Runs).Changes).State);

            w.Done(a, new Dictionary<string, object?> { ["cancelledDate"] = "2026-12-31T00:00:00Z" });
            var b = w.Intent(Cancel(102, new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero)));
            w.Failed(b, "PermissionDenied", "The API member's security role does not allow PATCH.", 403, mayHaveApplied: false);
            var c = w.Intent(Cancel(103, null));
            w.Failed(c, "Timeout", "no answer", null, mayHaveApplied: true);
            w.End(new Dictionary<string, int> { ["Cancelled"] = 1, ["Failed"] = 2 }, stopped: false);
        }

        var file = JournalReader.Read(path);
        Assert.Empty(file.Problems);
        var run = Assert.Single(file.Runs);
        Assert.True(run.Complete);
        Assert.False(run.Stopped);
        Assert.Equal("https://api-na.myconnectwise.net", run.Server);
        Assert.Equal("contoso", run.CompanyId);
        Assert.Equal(new long[] { 101, 102, 103 }, run.Changes.Select(x => x.RecordId));
        Assert.Equal(new[] { ChangeState.Done, ChangeState.Failed, ChangeState.Unknown }, run.Changes.Select(x => x.State));
        Assert.Null(run.Changes[0].Before["cancelledDate"]);
        Assert.Equal("2027-03-31T00:00:00Z", run.Changes[1].Before["cancelledDate"]);
        Assert.Equal(403, run.Changes[1].StatusCode);
        Assert.Equal(12m, run.Changes[0].Context["quantity"]);
        Assert.Equal("cancelledDate: (none) → 2026-12-31T00:00:00Z", run.Changes[0].Summary);
    }

    [Fact]
    public void AKilledWriterLeavesAReadableJournal()
    {
        var path = TempPath();
        using (var w = JournalWriter.Open(path, Run("r1")))
        {
            w.Done(w.Intent(Cancel(1, null)), new Dictionary<string, object?> { ["cancelledDate"] = "2026-12-31T00:00:00Z" });
            w.Intent(Cancel(2, null));
        }

        // A process killed in the middle of writing its next line.
        File.AppendAllText(path, "{\"kind\":\"done\",\"runId\":\"r1\",\"se", new UTF8Encoding(false));
        var file = JournalReader.Read(path);
        var problem = Assert.Single(file.Problems);
        Assert.Contains("cut short", problem, StringComparison.Ordinal);
        var run = Assert.Single(file.Runs);
        Assert.False(run.Complete);
        Assert.Equal(new[] { ChangeState.Done, ChangeState.Unknown }, run.Changes.Select(c => c.State));
    }

    [Fact]
    public void RunsAppendToTheSameFileAndASecondWriterIsRefused()
    {
        var path = TempPath();
        using (var w = JournalWriter.Open(path, Run("r1")))
        {
            var ex = Assert.Throws<JournalException>(() => JournalWriter.Open(path, Run("r2")));
            Assert.Contains("-JournalPath", ex.Message, StringComparison.Ordinal);
            w.Intent(Cancel(1, null));
        }

        using (var w = JournalWriter.Open(path, new JournalRunStart { RunId = "r2", Command = "Undo-S365Change", Server = "s", CompanyId = "c", UndoOf = "r1" }))
        {
            w.Intent(Cancel(1, "2026-12-31T00:00:00Z"));
        }

        var file = JournalReader.Read(path);
        Assert.Equal(new[] { "r1", "r2" }, file.Runs.Select(r => r.RunId));
        Assert.Equal("r1", file.Runs[1].UndoOf);
    }

    [Fact]
    public void ValuesCompareDatesAsInstantsAndNumbersByValue()
    {
        Assert.True(JournalValues.Same("2026-12-31T00:00:00Z", "2026-12-31T00:00:00.000Z"));
        Assert.True(JournalValues.Same("2026-12-31T00:00:00Z", "2026-12-31T01:00:00+01:00"));
        Assert.False(JournalValues.Same("2026-12-31T00:00:00Z", "2027-01-31T00:00:00Z"));
        Assert.False(JournalValues.Same(null, "2026-12-31T00:00:00Z"));
        Assert.True(JournalValues.Same(null, null));
        Assert.True(JournalValues.Same(12m, 12L));
        Assert.False(JournalValues.Same("12", "12.0"));
    }

    [Fact]
    public void NewRunIdsSortByTimeAndDiffer()
    {
        var t = new DateTimeOffset(2026, 12, 31, 17, 5, 12, TimeSpan.Zero);
        var a = JournalPaths.NewRunId(t);
        var b = JournalPaths.NewRunId(t);
        Assert.StartsWith("20261231T170512Z-", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.True(string.CompareOrdinal(a, JournalPaths.NewRunId(t.AddSeconds(1))) < 0);
    }
}
