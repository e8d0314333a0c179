using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Sync365.Core.Journal;
using Sync365.Core.Psa;
using Sync365.Core.Psa.ConnectWise;

namespace Sync365.Core.Billing
{
    /// <summary>
    /// Sets one addition's cancelled date: journal line first (flushed), then the PATCH, then the answer in the
    /// journal. Safe to call from several threads at once.
    /// </summary>
    public sealed class AdditionCanceller
    {
        public const string Field = "cancelledDate";
        private readonly ConnectWiseClient _client;
        private readonly JournalWriter _journal;

        public AdditionCanceller(ConnectWiseClient client, JournalWriter journal)
        {
            _client = client;
            _journal = journal;
        }

        public static string Resource(long agreementId) => "finance/agreements/" + agreementId.ToString(CultureInfo.InvariantCulture) + "/additions";

        /// <summary>The addition in words: company, agreement, addition id, product and quantity.</summary>
        public static string Describe(Addition a) =>
            $"Company '{a.CompanyName}', agreement '{a.AgreementName}' ({a.AgreementId}), addition {a.Id} ({a.Product} ×{(a.Quantity ?? 0).ToString("0.##", CultureInfo.InvariantCulture)})";

        /// <summary>The ShouldProcess target: the addition and the date.</summary>
        public static string Describe(Addition a, DateTime cancelDay) => Describe(a) + ": cancel on " + CancelDates.Show(cancelDay);

        public async Task<CancelOutcome> CancelAsync(CancelPlanItem item, DateTime cancelDay, CancellationToken ct)
        {
            var a = item.Addition;
            var result = BulkCancelResult.From(item, CancelStatus.Cancelled);
            result.RunId = _journal.RunId;
            var wire = CancelDates.ToWire(cancelDay);
            var intent = new ChangeIntent
            {
                Resource = Resource(a.AgreementId),
                RecordId = a.Id,
                Operation = "cancel",
                Target = Describe(a),
                Before = new Dictionary<string, object?> { [Field] = a.CancelledDate },
                After = new Dictionary<string, object?> { [Field] = wire },
                Context = new Dictionary<string, object?>
                {
                    ["companyId"] = a.CompanyId,
                    ["company"] = a.CompanyName,
                    ["agreementId"] = a.AgreementId,
                    ["agreement"] = a.AgreementName,
                    ["product"] = a.Product,
                    ["quantity"] = a.Quantity,
                    ["serialNumber"] = a.SerialNumber,
                },
            };

            // Throws (and nothing is sent) when the journal cannot be written.
            var seq = _journal.Intent(intent);
            try
            {
                var ops = new[] { new CwPatchOperation("replace", Field, wire) };
                var updated = await _client.PatchAsync<CwAddition>(intent.Resource + "/" + a.Id.ToString(CultureInfo.InvariantCulture), ops, ct).ConfigureAwait(false);
                var answered = updated?.CancelledDate;
                _journal.Done(seq, new Dictionary<string, object?> { [Field] = answered });
                result.NewCancelledDate = answered ?? CancelDates.ToInstant(cancelDay);
                return new CancelOutcome(result, null);
            }
            catch (PsaApiException ex)
            {
                // No status (network) or a 5xx after every retry: the server may have applied it.
                var unknown = ex.StatusCode == null || ex.StatusCode >= 500;
                _journal.Failed(seq, ex.ErrorId, ex.Message, ex.StatusCode, unknown);
                result.Status = CancelStatus.Failed;
                result.Error = ex.Message;
                result.ErrorId = ex.ErrorId;
                return new CancelOutcome(result, ex);
            }
            catch (OperationCanceledException)
            {
                _journal.Failed(seq, "Stopped", "The run was stopped while this change was being sent; the record must be read to know whether it applied.", null, true);
                throw;
            }
        }
    }
}
