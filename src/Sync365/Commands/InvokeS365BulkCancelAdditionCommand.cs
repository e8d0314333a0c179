using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Sync365.Core.Billing;
using Sync365.Core.Journal;
using Sync365.Core.Psa;

namespace Sync365.Commands
{
    /// <summary>
    /// Cancels, to one date, the active additions an old billing tool (CloudConsole, Unite) or people created, across
    /// companies: find → plan (pure) → per addition ShouldProcess → journalled PATCH, with bounded concurrency.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "S365BulkCancelAddition", DefaultParameterSetName = ByCompanySet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(BulkCancelResult))]
    public sealed class InvokeS365BulkCancelAdditionCommand : S365WriteCmdlet
    {
        private const string ByCompanySet = "ByCompany";
        private const string AllSet = "All";
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private readonly CompanySelection _companies = new CompanySelection();
        private readonly Dictionary<CancelStatus, int> _counts = Enum.GetValues(typeof(CancelStatus)).Cast<CancelStatus>().ToDictionary(s => s, _ => 0);
        private PsaConnection? _connection;

        /// <summary>Companies: objects from Get-S365Company, names (wildcards allowed) or record ids.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByCompanySet, ValueFromPipeline = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public object[]? Company { get; set; }

        /// <summary>Every company.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllSet)]
        public SwitchParameter All { get; set; }

        /// <summary>The serial number the old tool wrote (CloudConsole, Unite); case-insensitive. Leave out for manual additions (no serial number).</summary>
        [Parameter]
        [AllowEmptyString]
        [AllowNull]
        public string? SerialNumber { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Product { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? AgreementType { get; set; }

        [Parameter]
        public SwitchParameter MappedAgreementsOnly { get; set; }

        /// <summary>The calendar date the additions end on; sent as that date at 00:00:00Z whatever the time zone.</summary>
        [Parameter(Mandatory = true)]
        public DateTime CancelDate { get; set; }

        [Parameter]
        [ValidateRange(1, 16)]
        public int ThrottleLimit { get; set; } = 4;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? JournalPath { get; set; }

        protected override void BeginProcessing()
        {
            if (MappedAgreementsOnly)
            {
                ThrowError("MappingsNotAvailable",
                    "-MappedAgreementsOnly limits the search to agreements that licence mappings point at, but this version of Sync365 has no licence mappings yet, so it cannot tell which agreements are mapped. Leave -MappedAgreementsOnly out and narrow the search with -Company, -AgreementType and -Product instead.",
                    ErrorCategory.NotImplemented, null);
            }
        }

        protected override void ProcessRecord()
        {
            _connection ??= ResolveConnection();
            if (ParameterSetName != ByCompanySet || Company == null)
            {
                return;
            }

            foreach (var item in Company)
            {
                AddCompany(item);
            }
        }

        protected override void EndProcessing()
        {
            var connection = _connection ?? ResolveConnection();
            if (ParameterSetName == ByCompanySet && _companies.IsEmpty)
            {
                return;
            }

            var cancelDay = CancelDates.DateOnly(CancelDate);
            if (CancelDate.TimeOfDay != TimeSpan.Zero)
            {
                WriteVerbose($"-CancelDate is a date: the time of day {CancelDate:HH:mm:ss} is ignored; additions are cancelled on {CancelDates.Show(cancelDay)} (sent as {CancelDates.ToWire(cancelDay)}).");
            }

            var criteria = new BulkCancelCriteria
            {
                SerialNumber = SerialNumber,
                CancelDate = cancelDay,
                Today = DateTime.UtcNow.Date,
                ProductPatterns = Product,
                ProductMatches = Matcher(Product),
                AgreementTypePatterns = AgreementType,
                AgreementTypeMatches = Matcher(AgreementType),
            };

            var plan = Find(connection, criteria);
            if (plan == null)
            {
                return;
            }

            Execute(connection, plan, cancelDay);
        }

        private static Func<string?, bool>? Matcher(string[]? patterns)
        {
            if (patterns == null || patterns.Length == 0)
            {
                return null;
            }

            var compiled = patterns.Select(p => WildcardPattern.Get(p, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToList();
            return value => compiled.Any(p => p.IsMatch(value ?? string.Empty));
        }

        private void AddCompany(object? item)
        {
            var value = item is PSObject pso ? pso.BaseObject : item;
            switch (value)
            {
                case null:
                    return;
                case Company c:
                    _companies.Ids.Add(c.Id);
                    return;
                case long l:
                    _companies.Ids.Add(l);
                    return;
                case int i:
                    _companies.Ids.Add(i);
                    return;
                case string s when long.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    _companies.Ids.Add(id);
                    return;
                case string s when s.Trim().Length > 0:
                    var pattern = WildcardPattern.Get(s, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
                    _companies.Names.Add(new KeyValuePair<string, Func<string?, bool>>(s, n => pattern.IsMatch(n ?? string.Empty)));
                    return;
            }

            // Objects that carry a company id (agreements, additions): use it.
            var prop = PSObject.AsPSObject(item).Properties["CompanyId"];
            if (prop?.Value != null && long.TryParse(Convert.ToString(prop.Value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var cid))
            {
                _companies.Ids.Add(cid);
                return;
            }

            WriteError(new ErrorRecord(new ArgumentException($"'{item}' is not a company: pass Get-S365Company objects, company names (wildcards allowed) or company ids."), "CompanyNotUnderstood", ErrorCategory.InvalidArgument, item));
        }

        private IReadOnlyList<CancelPlanItem>? Find(PsaConnection connection, BulkCancelCriteria criteria)
        {
            var client = connection.ConnectWise;
            const string activity = "Finding additions to cancel";
            WriteProgress(new ProgressRecord(1, activity, "Reading companies and agreements"));
            try
            {
                IReadOnlyList<CompanyRef>? companies = null;
                if (ParameterSetName == ByCompanySet)
                {
                    var unmatched = new List<string>();
                    companies = Run(ct => Task.FromResult(CompanyResolver.Resolve(client, _companies, unmatched, ct)));
                    foreach (var u in unmatched)
                    {
                        WriteError(new ErrorRecord(new ItemNotFoundException($"No company in {connection.Name} matches {u}; it is left out. Check the name with Get-S365Company."), "CompanyNotFound", ErrorCategory.ObjectNotFound, u));
                    }

                    if (companies.Count == 0)
                    {
                        return null;
                    }

                    WriteVerbose($"{companies.Count} compan{(companies.Count == 1 ? "y" : "ies")}: {string.Join(", ", companies.Take(20).Select(c => c.Name))}{(companies.Count > 20 ? ", ..." : string.Empty)}");
                }

                var finder = new AdditionFinder(client, connection.Name);
                WriteDebug("addition conditions: " + AdditionFinder.AdditionConditions(criteria));
                var agreements = Run(ct => Task.FromResult(finder.FindAgreements(companies, criteria, ct)));
                WriteProgress(new ProgressRecord(1, activity, $"{agreements.Count} agreements; reading their additions"));
                var additions = Run(ct => Task.FromResult(finder.FindAdditions(agreements, criteria, ct)));
                WriteVerbose($"{agreements.Count} agreements, {additions.Count} candidate additions read.");
                return BulkCancelPlanner.Plan(additions, criteria);
            }
            catch (PsaApiException ex)
            {
                ThrowError(ex, null);
                return null;
            }
            finally
            {
                WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private void Execute(PsaConnection connection, IReadOnlyList<CancelPlanItem> plan, DateTime cancelDay)
        {
            const string activity = "Cancelling additions";
            var toWrite = plan.Count(p => p.Action == CancelAction.Cancel);
            WriteVerbose($"Plan: {toWrite} to cancel on {CancelDates.Show(cancelDay)}, {plan.Count(p => p.Action == CancelAction.AlreadyCancelled)} already cancelled, {plan.Count(p => p.Action == CancelAction.Skip)} skipped.");
            JournalWriter? journal = null;
            AdditionCanceller? canceller = null;
            var runner = new BoundedRunner<CancelOutcome>(ThrottleLimit);
            var clock = Stopwatch.StartNew();
            TimeSpan? lastProgress = null;
            var emitted = 0;
            var writesDone = 0;
            var stopped = true;
            Exception? fatal = null;

            void Emit(BulkCancelResult r, Exception? ex)
            {
                emitted++;
                _counts[r.Status]++;
                WriteObject(r);
                if (r.Status == CancelStatus.Failed)
                {
                    WriteItemError(ex ?? new InvalidOperationException(r.Error), r);
                }
            }

            void Progress(bool force)
            {
                if (!force && lastProgress.HasValue && clock.Elapsed - lastProgress.Value < ProgressInterval)
                {
                    return;
                }

                lastProgress = clock.Elapsed;
                var status = $"{emitted} of {plan.Count}: " + string.Join(", ", _counts.Where(kv => kv.Value > 0).Select(kv => $"{kv.Key} {kv.Value}"));
                var record = new ProgressRecord(2, activity, status) { PercentComplete = plan.Count == 0 ? 100 : Math.Min(100, emitted * 100 / plan.Count) };
                if (writesDone > 0)
                {
                    var remaining = plan.Count - emitted;
                    record.SecondsRemaining = (int)Math.Ceiling(clock.Elapsed.TotalSeconds / writesDone * remaining);
                }

                WriteProgress(record);
            }

            void Drain()
            {
                while (runner.TryTake(out var task))
                {
                    CancelOutcome outcome;
                    try
                    {
                        outcome = task.GetAwaiter().GetResult();
                    }
                    catch (OperationCanceledException)
                    {
                        throw new PipelineStoppedException();
                    }
                    catch (JournalException ex)
                    {
                        fatal ??= ex;
                        continue;
                    }

                    writesDone++;
                    Emit(outcome.Result, outcome.Exception);
                }

                FlushWorkerLog();
                Progress(false);
            }

            try
            {
                foreach (var item in plan)
                {
                    if (fatal != null)
                    {
                        break;
                    }

                    if (item.Action != CancelAction.Cancel)
                    {
                        Emit(BulkCancelResult.From(item, item.Action == CancelAction.AlreadyCancelled ? CancelStatus.AlreadyCancelled : CancelStatus.Skipped), null);
                        Drain();
                        continue;
                    }

                    var target = AdditionCanceller.Describe(item.Addition, cancelDay);
                    if (!ShouldProcess(target, target, "Cancel addition", out var reason))
                    {
                        var result = BulkCancelResult.From(item, reason == ShouldProcessReason.WhatIf ? CancelStatus.WouldCancel : CancelStatus.Skipped);
                        if (reason == ShouldProcessReason.WhatIf)
                        {
                            result.NewCancelledDate = CancelDates.ToInstant(cancelDay);
                        }
                        else
                        {
                            result.Reason = "Declined at the confirmation prompt.";
                        }

                        Emit(result, null);
                        Drain();
                        continue;
                    }

                    if (journal == null)
                    {
                        journal = OpenJournal(connection, cancelDay);
                        canceller = new AdditionCanceller(connection.ConnectWise, journal);
                    }

                    while (!runner.HasRoom)
                    {
                        runner.WaitForCompletion(ProgressInterval);
                        Drain();
                    }

                    var c = canceller!;
                    var token = CancellationToken;
                    runner.Start(async () =>
                    {
                        using (Sync365.Core.Http.HttpLogScope.Begin(WorkerLog))
                        {
                            return await c.CancelAsync(item, cancelDay, token).ConfigureAwait(false);
                        }
                    });
                    Drain();
                }

                while (runner.InFlight > 0)
                {
                    runner.WaitForCompletion(ProgressInterval);
                    Drain();
                }

                stopped = false;
            }
            finally
            {
                // Stopped (Ctrl+C, PowerShell.Stop()) or failed: let the writes in flight finish or cancel, so each
                // gets its answer line, then close the run. No output is written from here.
                while (runner.InFlight > 0)
                {
                    runner.WaitForCompletion(ProgressInterval);
                    while (runner.TryTake(out var t))
                    {
                        if (t.Status == TaskStatus.RanToCompletion)
                        {
                            _counts[t.Result.Result.Status]++;
                        }
                    }
                }

                runner.Dispose();
                if (journal != null)
                {
                    try
                    {
                        journal.End(_counts.Where(kv => kv.Value > 0).ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), stopped || fatal != null);
                    }
                    catch (JournalException)
                    {
                        // Already failing; the intent lines are what matter and they are on disk.
                    }

                    journal.Dispose();
                }

                if (!stopped)
                {
                    WriteProgress(new ProgressRecord(2, activity, "Done") { RecordType = ProgressRecordType.Completed });
                }
            }

            if (fatal != null)
            {
                ThrowTerminatingError(new ErrorRecord(fatal, "JournalWriteFailed", ErrorCategory.WriteError, journal?.Path));
            }

            var summary = "Bulk cancel " + (journal != null ? "run " + journal.RunId : "(no changes sent)") + ": " +
                string.Join(", ", _counts.Select(kv => $"{kv.Key} {kv.Value}")) +
                (journal != null ? $". Journal: {journal.Path}" : string.Empty);
            Say(summary, "Summary");
        }

        private JournalWriter OpenJournal(PsaConnection connection, DateTime cancelDay)
        {
            var runId = JournalPaths.NewRunId(DateTimeOffset.UtcNow);
            string path;
            if (string.IsNullOrEmpty(JournalPath))
            {
                path = JournalPaths.ForRun(runId);
            }
            else
            {
                path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(JournalPath);
                if (Directory.Exists(path))
                {
                    path = Path.Combine(path, runId + ".jsonl");
                }
            }

            var parameters = new Dictionary<string, object?>
            {
                ["CancelDate"] = CancelDates.ToWire(cancelDay),
                ["SerialNumber"] = SerialNumber,
                ["All"] = All.IsPresent,
                ["Company"] = Company == null ? null : string.Join(", ", Company.Select(c => Convert.ToString(c is PSObject p ? p.BaseObject : c, CultureInfo.InvariantCulture))),
                ["Product"] = Product == null ? null : string.Join(", ", Product),
                ["AgreementType"] = AgreementType == null ? null : string.Join(", ", AgreementType),
                ["ThrottleLimit"] = ThrottleLimit,
            };
            JournalWriter journal;
            try
            {
                journal = JournalWriter.Open(path, new JournalRunStart
                {
                    RunId = runId,
                    Command = MyInvocation.MyCommand.Name,
                    Server = connection.Server,
                    CompanyId = connection.CompanyId,
                    ConnectionName = connection.Name,
                    Parameters = parameters,
                });
            }
            catch (JournalException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "JournalOpenFailed", ErrorCategory.WriteError, path));
                throw;
            }

            Say($"Journal of run {journal.RunId}: {journal.Path}", "Journal");
            return journal;
        }
    }
}
