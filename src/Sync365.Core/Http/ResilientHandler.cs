using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Sync365.Core.Http
{
    /// <summary>
    /// The one place where retries happen: honours 429 Retry-After, retries 5xx and transient network faults with
    /// jittered exponential backoff within <see cref="ResilienceSettings"/>, and never re-sends a request that is not
    /// safe to repeat (see <see cref="RequestSafety"/>). The response body is read inside each attempt, so a
    /// connection dropped mid-body is retried too instead of surfacing as a half-read page.
    /// </summary>
    public sealed class ResilientHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new ResiliencePropertyKey<HttpRequestMessage>("Sync365.Request");
        private static readonly ResiliencePropertyKey<int> AttemptKey = new ResiliencePropertyKey<int>("Sync365.Attempt");

        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly ResilienceSettings _settings;
        private readonly Action<HttpRequestLog>? _log;

        public ResilientHandler(HttpMessageHandler inner, ResilienceSettings settings, Action<HttpRequestLog>? log)
            : base(inner)
        {
            _settings = settings;
            _log = log;
            _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = Math.Max(0, settings.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = settings.BaseDelay,
                    MaxDelay = settings.MaxDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Context, args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(Cap(RetryAfter(args.Outcome.Result), settings.MaxDelay)),
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                })
                .Build();
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(RequestKey, request);
            context.Properties.Set(AttemptKey, 0);
            try
            {
                return await _pipeline.ExecuteAsync(
                    static async (ctx, self) => await self.SendOnceAsync(ctx).ConfigureAwait(false),
                    context,
                    this).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private async ValueTask<HttpResponseMessage> SendOnceAsync(ResilienceContext ctx)
        {
            var request = ctx.Properties.GetValue(RequestKey, null!);
            var attempt = ctx.Properties.GetValue(AttemptKey, 0) + 1;
            ctx.Properties.Set(AttemptKey, attempt);
            var sw = Stopwatch.StartNew();
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken);
            attemptCts.CancelAfter(_settings.AttemptTimeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, attemptCts.Token).ConfigureAwait(false);
                if (response.Content != null)
                {
                    // Read the body inside the attempt: a connection dropped mid-body is a transient fault to retry.
                    await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
                }

                Log(new HttpRequestLog(request.Method.Method, request.RequestUri!, (int)response.StatusCode, sw.Elapsed, attempt, Note(response)));
                return response;
            }
            catch (OperationCanceledException) when (!ctx.CancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                Log(new HttpRequestLog(request.Method.Method, request.RequestUri!, null, sw.Elapsed, attempt, "timed out"));
                throw new TimeoutException($"{request.Method} {request.RequestUri} did not answer within {_settings.AttemptTimeout.TotalSeconds:0} s.");
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException)
            {
                response?.Dispose();
                Log(new HttpRequestLog(request.Method.Method, request.RequestUri!, null, sw.Elapsed, attempt, ex.GetBaseException().Message));
                throw;
            }
        }

        private void Log(HttpRequestLog entry)
        {
            _log?.Invoke(entry);
            HttpLogScope.Current?.Invoke(entry);
        }

        private static string? Note(HttpResponseMessage response)
        {
            if ((int)response.StatusCode == 429)
            {
                var delay = RetryAfter(response);
                return delay.HasValue ? $"rate limited, Retry-After {delay.Value.TotalSeconds:0.#} s" : "rate limited";
            }

            return null;
        }

        private static bool ShouldRetry(ResilienceContext ctx, Outcome<HttpResponseMessage> outcome)
        {
            var request = ctx.Properties.GetValue(RequestKey, null!);
            if (ctx.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var limit = RequestSafety.RetryLimit(request);
            if (limit.HasValue && ctx.Properties.GetValue(AttemptKey, 0) > limit.Value)
            {
                return false;
            }

            if (outcome.Exception != null)
            {
                var transient = outcome.Exception is HttpRequestException || outcome.Exception is IOException || outcome.Exception is TimeoutException;
                return transient && RequestSafety.IsSafeToRetry(request);
            }

            var status = (int)outcome.Result!.StatusCode;
            if (status == 429)
            {
                // A 429 is refused before the server does anything, so even a POST may be sent again.
                return true;
            }

            var transientStatus = status == 500 || status == 502 || status == 503 || status == 504 || status == 408;
            return transientStatus && RequestSafety.IsSafeToRetry(request);
        }

        private static TimeSpan? Cap(TimeSpan? delay, TimeSpan max) => delay.HasValue && delay.Value > max ? max : delay;

        private static TimeSpan? RetryAfter(HttpResponseMessage? response)
        {
            var header = response?.Headers.RetryAfter;
            if (header == null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
