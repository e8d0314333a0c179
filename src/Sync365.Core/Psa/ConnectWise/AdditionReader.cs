using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>
    /// Reads the additions of many agreements without one round trip per agreement: agreements are grouped into
    /// <c>/system/bundles</c> requests (one GET per agreement inside), and up to <see cref="MaxConcurrency"/>
    /// bundles are in flight at once. Results come back in the order the agreements went in. 429s are absorbed by
    /// the client's retry (Retry-After). If the server has no bundles endpoint, it falls back to one paged GET per
    /// agreement, still with bounded concurrency.
    /// </summary>
    public sealed class AdditionReader
    {
        private readonly ConnectWiseClient _client;
        private readonly string? _conditions;
        private readonly string _connectionName;
        private readonly CancellationToken _ct;
        private readonly Queue<Task<List<Addition>>> _inFlight = new Queue<Task<List<Addition>>>();
        private readonly List<AgreementRef> _pending = new List<AgreementRef>();
        private volatile bool _bundlesUnsupported;

        public AdditionReader(ConnectWiseClient client, string? conditions, string connectionName, CancellationToken ct)
        {
            _client = client;
            _conditions = conditions;
            _connectionName = connectionName;
            _ct = ct;
        }

        /// <summary>Agreements per bundle. The real limit is undocumented; 25 stays well below any sane server cap.</summary>
        public int BundleSize { get; set; } = 25;

        public int MaxConcurrency { get; set; } = 4;

        /// <summary>
        /// When true, an agreement whose additions cannot be read (a 403 on one agreement type, a 404 for an
        /// agreement deleted meanwhile) is recorded in <see cref="TakeFailures"/> and the others are still read.
        /// Authentication and configuration errors always throw: nothing else would work either.
        /// When false (the default), the first failure throws, so a caller that must see every addition never
        /// works from a partial set without knowing.
        /// </summary>
        public bool ContinueOnError { get; set; }

        private readonly System.Collections.Concurrent.ConcurrentQueue<AgreementReadFailure> _failures = new System.Collections.Concurrent.ConcurrentQueue<AgreementReadFailure>();

        /// <summary>The agreements whose additions could not be read since the last call (only with <see cref="ContinueOnError"/>).</summary>
        public IReadOnlyList<AgreementReadFailure> TakeFailures()
        {
            var list = new List<AgreementReadFailure>();
            while (_failures.TryDequeue(out var f))
            {
                list.Add(f);
            }

            return list;
        }

        private bool Absorb(AgreementRef agreement, PsaApiException ex)
        {
            if (!ContinueOnError || ex.Kind == PsaErrorKind.Authentication || ex.Kind == PsaErrorKind.Configuration)
            {
                return false;
            }

            _failures.Enqueue(new AgreementReadFailure(agreement, ex));
            return true;
        }

        /// <summary>Adds an agreement; returns additions of earlier batches that are complete (blocking only at the concurrency cap).</summary>
        public IEnumerable<Addition> Add(AgreementRef agreement)
        {
            _pending.Add(agreement);
            if (_pending.Count >= BundleSize)
            {
                Dispatch();
            }

            var ready = new List<Addition>();
            while (_inFlight.Count > 0 && (_inFlight.Count >= MaxConcurrency || _inFlight.Peek().IsCompleted))
            {
                ready.AddRange(_inFlight.Dequeue().GetAwaiter().GetResult());
            }

            return ready;
        }

        /// <summary>Sends what is left and returns every remaining addition in order.</summary>
        public IEnumerable<Addition> Complete()
        {
            if (_pending.Count > 0)
            {
                Dispatch();
            }

            while (_inFlight.Count > 0)
            {
                foreach (var a in _inFlight.Dequeue().GetAwaiter().GetResult())
                {
                    yield return a;
                }
            }
        }

        private void Dispatch()
        {
            var batch = _pending.ToList();
            _pending.Clear();
            _inFlight.Enqueue(Task.Run(() => ReadBatchAsync(batch), _ct));
        }

        private async Task<List<Addition>> ReadBatchAsync(List<AgreementRef> batch)
        {
            if (!_bundlesUnsupported)
            {
                try
                {
                    return await ReadBundleAsync(batch).ConfigureAwait(false);
                }
                catch (PsaApiException ex) when (ex.StatusCode == 404 || ex.StatusCode == 405 || ex.StatusCode == 501)
                {
                    _bundlesUnsupported = true;
                }
                catch (BundleNotUnderstoodException)
                {
                    // The server took the bundle but refused its requests as malformed (the resource type name it
                    // expects for additions is not documented): read these agreements, and the rest, directly.
                    _bundlesUnsupported = true;
                }
            }

            var results = new List<Addition>();
            foreach (var a in batch)
            {
                try
                {
                    results.AddRange(await ReadOneAsync(a).ConfigureAwait(false));
                }
                catch (PsaApiException ex) when (Absorb(a, ex))
                {
                }
            }

            return results;
        }

        private async Task<List<Addition>> ReadBundleAsync(List<AgreementRef> batch)
        {
            var body = new CwBundleRequests();
            for (var i = 0; i < batch.Count; i++)
            {
                body.Requests.Add(new CwBundleRequest
                {
                    SequenceNumber = i + 1,
                    ResourceType = "addition",
                    ApiRequest = new CwApiRequest
                    {
                        ParentId = batch[i].Id,
                        Filters = _conditions == null ? null : new CwFilterValues { Conditions = _conditions },
                        Page = new CwPageValues { Page = 1, PageSize = ListQuery.MaxPageSize },
                    },
                });
            }

            // A bundle of GETs changes nothing, so it may be retried like a GET.
            var response = await _client.PostAsync<CwBundleResults>("system/bundles", body, _ct, safeToRetry: true).ConfigureAwait(false);
            var bySeq = (response?.Results ?? new List<CwBundleResult>()).ToDictionary(r => r.SequenceNumber);
            var now = DateTimeOffset.UtcNow;
            var additions = new List<Addition>();
            for (var i = 0; i < batch.Count; i++)
            {
                var agreement = batch[i];
                if (!bySeq.TryGetValue(i + 1, out var result))
                {
                    throw new PsaApiException(PsaErrorKind.Server, "BundleIncomplete", $"ConnectWise's bundle reply had no result for agreement {agreement.Id}; nothing was skipped silently. Try again.");
                }

                if (result.Success == false || (result.StatusCode.HasValue && result.StatusCode >= 400))
                {
                    var status = result.StatusCode ?? 500;
                    if (status == 400)
                    {
                        throw new BundleNotUnderstoodException();
                    }

                    var error = _client.ErrorFromResponse(status, null, result.Error == null ? string.Empty : JsonSerializer.Serialize(result.Error, CwJson.Options), "GET",
                        new Uri(_client.ApiBase, $"finance/agreements/{agreement.Id}/additions"), null);
                    if (Absorb(agreement, error))
                    {
                        continue;
                    }

                    throw error;
                }

                var entities = result.Entities ?? new List<JsonElement>();
                if (entities.Count >= ListQuery.MaxPageSize)
                {
                    // More than one page for this agreement: read it whole by paging instead.
                    additions.AddRange(await ReadOneAsync(agreement).ConfigureAwait(false));
                    continue;
                }

                foreach (var e in entities)
                {
                    var dto = e.Deserialize<CwAddition>(CwJson.Options)!;
                    additions.Add(CwMapper.ToAddition(dto, agreement, _client, _connectionName, now));
                }
            }

            return additions;
        }

        private Task<List<Addition>> ReadOneAsync(AgreementRef agreement)
        {
            return Task.Run(() =>
            {
                var now = DateTimeOffset.UtcNow;
                var list = new List<Addition>();
                var query = new ListQuery { Conditions = _conditions };
                foreach (var page in _client.ListPages<CwAddition>($"finance/agreements/{agreement.Id}/additions", query, _ct))
                {
                    list.AddRange(page.Select(x => CwMapper.ToAddition(x, agreement, _client, _connectionName, now)));
                }

                return list;
            }, _ct);
        }

        /// <summary>A bundle whose inner requests the server refused as malformed.</summary>
        private sealed class BundleNotUnderstoodException : Exception
        {
        }
    }
}
