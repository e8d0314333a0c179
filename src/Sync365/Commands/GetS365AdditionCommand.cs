using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;
using Sync365.Session;

namespace Sync365.Commands
{
    /// <summary>
    /// Streams the additions of agreements. Agreements are read in bundles (many agreements per request, a few
    /// requests in flight), so a thousand agreements do not cost a thousand round trips; each finished bundle is
    /// written while the next ones are on the wire.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "S365Addition", DefaultParameterSetName = AgreementSet)]
    [OutputType(typeof(Addition))]
    public sealed class GetS365AdditionCommand : PsaReadCmdlet
    {
        private const string AgreementSet = "Agreement";
        private const string ByIdSet = "ByAgreementId";
        private readonly Dictionary<PsaConnection, AdditionReader> _readers = new Dictionary<PsaConnection, AdditionReader>();
        private readonly Dictionary<PsaConnection, List<long>> _pendingIds = new Dictionary<PsaConnection, List<long>>();
        private (string? Condition, Func<string?, bool> Match) _serials;
        private (string? Condition, Func<string?, bool> Match) _products;
        private string? _conditions;
        private bool _received;

        /// <summary>Agreements, usually from Get-S365Agreement through the pipeline.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ParameterSetName = AgreementSet)]
        [ValidateNotNull]
        public Agreement[]? Agreement { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[]? AgreementId { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? SerialNumber { get; set; }

        /// <summary>Product (catalog item) identifiers; wildcards allowed.</summary>
        [Parameter]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ProductIdentifierCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Product { get; set; }

        /// <summary>Also return additions whose cancelled date has passed.</summary>
        [Parameter]
        public SwitchParameter IncludeCancelled { get; set; }

        /// <summary>The server condition for additions (cancelled, serial number, product), for tests and -Debug.</summary>
        internal static string? AdditionConditions(bool includeCancelled, string? serialCondition, string? productCondition, DateTimeOffset now) =>
            ConditionText.And(
                includeCancelled ? null : ConditionText.Or("cancelledDate=null", ConditionText.DateTime("cancelledDate", ">", now)),
                serialCondition,
                productCondition);

        protected override void BeginProcessing()
        {
            _serials = Patterns("serialNumber", SerialNumber);
            _products = Patterns("product/identifier", Product);
            _conditions = AdditionConditions(IncludeCancelled, _serials.Condition, _products.Condition, DateTimeOffset.UtcNow);
            WriteDebug($"addition conditions: {_conditions ?? "(none)"}");
        }

        protected override void ProcessRecord()
        {
            var connection = ResolveConnection();
            if (ParameterSetName == ByIdSet)
            {
                if (!_pendingIds.TryGetValue(connection, out var ids))
                {
                    ids = new List<long>();
                    _pendingIds[connection] = ids;
                }

                ids.AddRange(AgreementId!);
                if (ids.Count >= IdBatchSize)
                {
                    _pendingIds.Remove(connection);
                    FeedIds(connection, ids);
                }

                return;
            }

            if (Agreement == null)
            {
                return;
            }

            _received = true;
            var reader = ReaderFor(connection);
            foreach (var a in Agreement)
            {
                Drain(() => reader.Add(AgreementRef.From(a)));
            }
        }

        protected override void EndProcessing()
        {
            foreach (var pair in _pendingIds.ToList())
            {
                FeedIds(pair.Key, pair.Value);
            }

            _pendingIds.Clear();

            if (ParameterSetName == AgreementSet && !_received && !MyInvocation.ExpectingInput)
            {
                // No agreements given: the additions of every active agreement.
                var connection = ResolveConnection();
                var reader = ReaderFor(connection);
                var query = new ListQuery { Conditions = GetS365AgreementCommand.StatusCondition("Active") };
                Drain(() => AgreementsThen(connection, query, reader));
            }

            foreach (var reader in _readers.Values)
            {
                Drain(reader.Complete);
            }
        }

        private AdditionReader ReaderFor(PsaConnection connection)
        {
            if (!_readers.TryGetValue(connection, out var reader))
            {
                // One agreement that cannot be read (a restricted agreement type, one deleted meanwhile) is an
                // error for that agreement; the others are still read.
                reader = new AdditionReader(connection.ConnectWise, _conditions, connection.Name, CancellationToken) { ContinueOnError = true };
                _readers[connection] = reader;
            }

            return reader;
        }

        /// <summary>-AgreementId: read the agreements first (batched), so every addition carries agreement and company names.</summary>
        private void FeedIds(PsaConnection connection, List<long> ids)
        {
            var missing = new HashSet<long>(ids);
            var reader = ReaderFor(connection);
            foreach (var batch in Batches(missing.ToList(), IdBatchSize))
            {
                var query = new ListQuery { Conditions = ConditionText.In("id", batch) };
                Drain(() => AgreementsThen(connection, query, reader, a => missing.Remove(a.Id)));
            }

            foreach (var id in missing)
            {
                WriteError(new ErrorRecord(new ItemNotFoundException($"There is no agreement with id {id} in {connection.Name}."), "AgreementNotFound", ErrorCategory.ObjectNotFound, id));
            }
        }

        private IEnumerable<Addition> AgreementsThen(PsaConnection connection, ListQuery query, AdditionReader reader, Action<CwAgreement>? seen = null)
        {
            foreach (var page in connection.ConnectWise.ListPages<CwAgreement>("finance/agreements", query, CancellationToken))
            {
                foreach (var row in page)
                {
                    seen?.Invoke(row);
                    var agreement = CwMapper.ToAgreement(row, connection.ConnectWise, connection.Name);
                    foreach (var addition in reader.Add(AgreementRef.From(agreement)))
                    {
                        yield return addition;
                    }
                }
            }
        }

        private void Drain(Func<IEnumerable<Addition>> source)
        {
            try
            {
                foreach (var addition in Stream(_ => source()))
                {
                    if (_serials.Match(addition.SerialNumber) && _products.Match(addition.Product) && (IncludeCancelled || addition.IsActive))
                    {
                        WriteObject(addition);
                    }
                }
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (PsaApiException ex)
            {
                ThrowError(ex, null);
            }
            finally
            {
                foreach (var reader in _readers.Values)
                {
                    foreach (var failure in reader.TakeFailures())
                    {
                        var a = failure.Agreement;
                        WriteError(new ErrorRecord(
                            new PsaApiException(failure.Error.Kind, failure.Error.ErrorId,
                                $"The additions of agreement {a.Id} '{a.Name}' ({a.CompanyName}) could not be read: {failure.Error.Message}", failure.Error),
                            failure.Error.ErrorId, ErrorCategory.ReadError, a.Id));
                    }
                }
            }
        }
    }
}
