using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Sync365.Core.Http;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>
    /// One ConnectWise Manage site, one HttpClient, one resilience pipeline. Thread-safe: bundles and writes may
    /// run concurrently through it.
    /// </summary>
    public sealed class ConnectWiseClient : IDisposable
    {
        private static readonly HttpMethod Patch = new HttpMethod("PATCH");
        private readonly HttpClient _http;
        private readonly ConnectWiseSettings _settings;

        private ConnectWiseClient(HttpClient http, ConnectWiseSettings settings, Uri siteRoot, CompanyInfo info)
        {
            _http = http;
            _settings = settings;
            SiteRoot = siteRoot;
            Info = info;
            var codebase = string.IsNullOrWhiteSpace(info.Codebase) ? "v4_6_release/" : info.Codebase!.Trim('/') + "/";
            Codebase = codebase;
            ApiBase = new Uri(siteRoot, codebase + "apis/3.0/");
        }

        /// <summary>https://api-na.myconnectwise.net/ (always with a trailing slash).</summary>
        public Uri SiteRoot { get; }

        public Uri ApiBase { get; }

        public string Codebase { get; }

        public CompanyInfo Info { get; }

        public string CompanyId => _settings.CompanyId;

        /// <summary>Turns what a person types as -Server into the site root, and refuses clear-text credentials to a remote host.</summary>
        public static Uri ResolveSiteRoot(string server, bool allowUnencrypted)
        {
            if (string.IsNullOrWhiteSpace(server))
            {
                throw new PsaApiException(PsaErrorKind.Configuration, "ServerMissing",
                    "No server was given. Pass -Server with your ConnectWise API host, e.g. api-na.myconnectwise.net, api-eu.myconnectwise.net, api-au.myconnectwise.net, or your self-hosted URL.");
            }

            var text = server.Trim();
            if (!text.Contains("://"))
            {
                text = "https://" + text;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || string.IsNullOrEmpty(uri.Host))
            {
                throw new PsaApiException(PsaErrorKind.Configuration, "ServerInvalid",
                    $"'{server}' is not a server name or URL. Pass -Server as a host such as api-na.myconnectwise.net or a URL such as https://cw.example.com.");
            }

            if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !allowUnencrypted)
            {
                throw new PsaApiException(PsaErrorKind.Configuration, "UnencryptedAuthenticationRefused",
                    $"Refusing to send the API keys over plain http:// to '{uri.Host}': anyone on the network could read them. Use https://{uri.Authority}, or add -AllowUnencryptedAuthentication if you really mean it (loopback addresses are always allowed).");
            }

            // Users paste the UI host (na.myconnectwise.net) as often as the API host; the API lives on api-<region>.
            var host = uri.Host;
            if (host.EndsWith(".myconnectwise.net", StringComparison.OrdinalIgnoreCase) && !host.StartsWith("api-", StringComparison.OrdinalIgnoreCase))
            {
                host = "api-" + host;
            }

            var builder = new UriBuilder(uri.Scheme, host, uri.IsDefaultPort ? -1 : uri.Port, "/");
            return builder.Uri;
        }

        public static async Task<ConnectWiseClient> ConnectAsync(ConnectWiseSettings settings, Action<HttpRequestLog>? log, CancellationToken cancellationToken)
        {
            Validate(settings);
            var siteRoot = ResolveSiteRoot(settings.Server, settings.AllowUnencryptedAuthentication);
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            var http = new HttpClient(new ResilientHandler(handler, settings.Resilience, log))
            {
                // Each attempt has its own timeout inside the handler; this is only the outer bound.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("Sync365/" + typeof(ConnectWiseClient).Assembly.GetName().Version?.ToString(3));
            try
            {
                var info = await DiscoverAsync(http, siteRoot, settings.CompanyId, cancellationToken).ConfigureAwait(false);
                var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.CompanyId + "+" + settings.PublicKey + ":" + settings.PrivateKey));
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", auth);
                http.DefaultRequestHeaders.TryAddWithoutValidation("clientId", settings.ClientId.ToString("D"));
                http.DefaultRequestHeaders.Accept.Clear();
                http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", settings.ApiVersion == null ? "application/json" : "application/vnd.connectwise.com+json; version=" + settings.ApiVersion);
                var client = new ConnectWiseClient(http, settings, siteRoot, info);

                // Prove the keys and the clientId with the cheapest authenticated call there is.
                await client.GetAsync<JsonElement>("system/info", cancellationToken).ConfigureAwait(false);
                return client;
            }
            catch
            {
                http.Dispose();
                throw;
            }
        }

        /// <summary>The ConnectWise web UI host for a link (api-na.myconnectwise.net → na.myconnectwise.net).</summary>
        public Uri WebRoot
        {
            get
            {
                var host = SiteRoot.Host;
                if (host.StartsWith("api-", StringComparison.OrdinalIgnoreCase) && host.EndsWith(".myconnectwise.net", StringComparison.OrdinalIgnoreCase))
                {
                    host = host.Substring(4);
                }

                return new UriBuilder(SiteRoot.Scheme, host, SiteRoot.IsDefaultPort ? -1 : SiteRoot.Port, "/").Uri;
            }
        }

        /// <summary>A link that opens a record in the ConnectWise web UI (recordType such as CompanyFV, AgreementFV).</summary>
        public string RecordUrl(string recordType, long id) =>
            new Uri(WebRoot, Codebase + "services/system_io/router/openrecord.rails?locale=en_US&recordType=" + recordType + "&recid=" + id.ToString(CultureInfo.InvariantCulture) + "&companyName=" + Uri.EscapeDataString(CompanyId)).ToString();

        public Task<T> GetAsync<T>(string relative, CancellationToken cancellationToken) =>
            SendAsync<T>(HttpMethod.Get, relative, null, null, cancellationToken);

        public async Task<long> CountAsync(string resource, string? conditions, CancellationToken cancellationToken)
        {
            var q = new StringBuilder(resource.TrimEnd('/') + "/count");
            if (!string.IsNullOrEmpty(conditions))
            {
                q.Append("?conditions=").Append(Uri.EscapeDataString(conditions));
            }

            var count = await GetAsync<CwCount>(q.ToString(), cancellationToken).ConfigureAwait(false);
            return count.Count;
        }

        public Task<T> PatchAsync<T>(string relative, IReadOnlyList<CwPatchOperation> operations, CancellationToken cancellationToken) =>
            SendAsync<T>(Patch, relative, operations, null, cancellationToken);

        public Task<T> PostAsync<T>(string relative, object body, CancellationToken cancellationToken, bool safeToRetry = false) =>
            SendAsync<T>(HttpMethod.Post, relative, body, safeToRetry ? RequestSafety.MarkSafeToRetry : null, cancellationToken);

        /// <summary>
        /// Streams a list resource page by page at the maximum page size. The enumerator blocks for one page at a
        /// time, so the first page's rows reach the caller before the second page is asked for.
        /// </summary>
        public IEnumerable<IReadOnlyList<T>> ListPages<T>(string resource, ListQuery query, CancellationToken cancellationToken)
            where T : class
        {
            var forwardOnly = query.ForwardOnly && string.IsNullOrEmpty(query.OrderBy);
            var pageSize = Math.Max(1, Math.Min(query.PageSize, ListQuery.MaxPageSize));
            long? pageId = null;
            var page = 1;
            long lastMaxId = long.MinValue;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var url = BuildListUrl(resource, query, pageSize, forwardOnly, page, pageId);
                var result = SendForPage<T>(url, forwardOnly, cancellationToken).GetAwaiter().GetResult();
                if (result.Rows.Count > 0)
                {
                    yield return result.Rows;
                }

                var next = result.NextLink;
                if (forwardOnly)
                {
                    if (next != null && next.IndexOf("pageId=", StringComparison.OrdinalIgnoreCase) < 0 && next.IndexOf("page=", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        // The endpoint ignored forward-only and pages by number: carry on by number from page 2.
                        forwardOnly = false;
                        page = 2;
                        continue;
                    }

                    var more = next != null || (!result.HadLinkHeader && result.Rows.Count >= pageSize);
                    if (!more || result.Rows.Count == 0)
                    {
                        yield break;
                    }

                    var maxId = result.MaxId;
                    if (maxId == null || maxId.Value <= lastMaxId)
                    {
                        throw new PsaApiException(PsaErrorKind.Server, "PagingStalled",
                            $"ConnectWise returned the same rows twice while paging {resource}; stopping so nothing is read twice. Try again; if it persists, report it with the -Verbose log.");
                    }

                    lastMaxId = maxId.Value;
                    pageId = maxId.Value;
                }
                else
                {
                    // Follow rel="next" when the server gives it; without a Link header, a full page means there may be more.
                    var more = result.HadLinkHeader ? next != null : result.Rows.Count >= pageSize;
                    if (!more || result.Rows.Count == 0)
                    {
                        yield break;
                    }

                    page++;
                }
            }
        }

        public void Dispose() => _http.Dispose();

        internal static string BuildListUrl(string resource, ListQuery query, int pageSize, bool forwardOnly, int page, long? pageId)
        {
            var sb = new StringBuilder(resource);
            var sep = resource.IndexOf('?') >= 0 ? '&' : '?';
            void Add(string name, string? value)
            {
                if (string.IsNullOrEmpty(value))
                {
                    return;
                }

                sb.Append(sep).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                sep = '&';
            }

            Add("conditions", query.Conditions);
            Add("childConditions", query.ChildConditions);
            Add("orderBy", forwardOnly ? null : query.OrderBy);
            Add("fields", query.Fields);
            Add("pageSize", pageSize.ToString(CultureInfo.InvariantCulture));
            if (forwardOnly)
            {
                Add("pageId", pageId?.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                Add("page", page.ToString(CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static void Validate(ConnectWiseSettings s)
        {
            if (string.IsNullOrWhiteSpace(s.CompanyId))
            {
                throw new PsaApiException(PsaErrorKind.Configuration, "CompanyIdMissing", "No company id was given. Pass -CompanyId: the company you type on the ConnectWise login page.");
            }

            if (string.IsNullOrWhiteSpace(s.PublicKey) || string.IsNullOrEmpty(s.PrivateKey))
            {
                throw new PsaApiException(PsaErrorKind.Configuration, "ApiKeyMissing", "The public or private key is empty. Create an API key for the API member in System › Members › API Members › API Keys and pass -PublicKey and -PrivateKey (or -Credential).");
            }

            if (s.ClientId == Guid.Empty)
            {
                throw new PsaApiException(PsaErrorKind.Configuration, "ClientIdMissing", "No clientId was given. ConnectWise requires a clientId (a GUID) on every API call: register one at developer.connectwise.com and pass -ClientId.");
            }
        }

        private static async Task<CompanyInfo> DiscoverAsync(HttpClient http, Uri siteRoot, string companyId, CancellationToken ct)
        {
            var url = new Uri(siteRoot, "login/companyinfo/" + Uri.EscapeDataString(companyId));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");

            // The first contact: a wrong -Server should fail in seconds, not after the full retry budget.
            RequestSafety.LimitRetries(request, 1);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) || !ct.IsCancellationRequested)
            {
                throw NetworkError("GET", url, ex);
            }

            using (response)
            {
                var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new PsaApiException(PsaErrorKind.Configuration, "CompanyInfoFailed",
                        $"'{siteRoot.Host}' did not answer ConnectWise's company lookup (GET /login/companyinfo: {(int)response.StatusCode} {response.ReasonPhrase}). Check -Server: it should be your ConnectWise API host, e.g. api-na.myconnectwise.net.")
                    { StatusCode = (int)response.StatusCode, Method = "GET", RequestUri = url };
                }

                CompanyInfo? info = null;
                try
                {
                    if (body.Trim() != "null" && body.Trim().Length > 0)
                    {
                        info = JsonSerializer.Deserialize<CompanyInfo>(body, CwJson.Options);
                    }
                }
                catch (JsonException)
                {
                    throw new PsaApiException(PsaErrorKind.Configuration, "CompanyInfoNotJson",
                        $"'{siteRoot.Host}' answered the company lookup with something that is not ConnectWise's reply. Check -Server: it should be your ConnectWise API host, not a web page.")
                    { Method = "GET", RequestUri = url };
                }

                if (info == null)
                {
                    throw new PsaApiException(PsaErrorKind.Authentication, "CompanyNotFound",
                        $"ConnectWise at '{siteRoot.Host}' does not know the company id '{companyId}'. Use the company id you type on the ConnectWise login page (-CompanyId), and check -Server is your region's host.")
                    { Method = "GET", RequestUri = url, StatusCode = 200 };
                }

                return info;
            }
        }

        private async Task<T> SendAsync<T>(HttpMethod method, string relative, object? body, Action<HttpRequestMessage>? configure, CancellationToken ct)
        {
            using var response = await SendRawAsync(method, relative, body, configure, null, ct).ConfigureAwait(false);
            return await ReadAsync<T>(response, method.Method).ConfigureAwait(false);
        }

        private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string relative, object? body, Action<HttpRequestMessage>? configure, Action<HttpRequestMessage>? headers, CancellationToken ct)
        {
            var url = new Uri(ApiBase, relative);
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(method, url);
                if (body != null)
                {
                    var json = JsonSerializer.Serialize(body, CwJson.Options);
                    request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                }

                configure?.Invoke(request);
                headers?.Invoke(request);
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    throw NetworkError(method.Method, url, ex);
                }

                var status = (int)response.StatusCode;
                if (status >= 300 && status < 400 && response.Headers.Location != null && redirects < 3)
                {
                    // Redirects are followed on purpose, and only within the same origin, so the keys never go elsewhere.
                    var target = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(url, response.Headers.Location);
                    response.Dispose();
                    if (!string.Equals(target.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase) || !string.Equals(target.Authority, url.Authority, StringComparison.OrdinalIgnoreCase))
                    {
                        throw new PsaApiException(PsaErrorKind.Configuration, "RedirectedElsewhere",
                            $"ConnectWise redirected {method.Method} {Redact(url)} to another server ({target.GetLeftPart(UriPartial.Authority)}). Sync365 does not send the API keys there; if that is your ConnectWise, connect with -Server {target.GetLeftPart(UriPartial.Authority)}.")
                        { Method = method.Method, RequestUri = url };
                    }

                    url = target;
                    continue;
                }

                return response;
            }
        }

        private async Task<PageResult<T>> SendForPage<T>(string relative, bool forwardOnly, CancellationToken ct)
            where T : class
        {
            using var response = await SendRawAsync(HttpMethod.Get, relative, null, null,
                forwardOnly ? r => r.Headers.TryAddWithoutValidation("pagination-type", "forward-only") : (Action<HttpRequestMessage>?)null, ct).ConfigureAwait(false);
            var doc = await ReadAsync<JsonElement>(response, "GET").ConfigureAwait(false);
            if (doc.ValueKind != JsonValueKind.Array)
            {
                throw new PsaApiException(PsaErrorKind.Server, "UnexpectedResponse", $"ConnectWise answered GET {relative} with {doc.ValueKind} where a list was expected.");
            }

            var rows = new List<T>(doc.GetArrayLength());
            long? maxId = null;
            foreach (var item in doc.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var idProp) && idProp.TryGetInt64(out var id))
                {
                    maxId = maxId.HasValue ? Math.Max(maxId.Value, id) : id;
                }

                rows.Add(typeof(T) == typeof(JsonElementBox) ? (T)(object)new JsonElementBox(item.Clone()) : item.Deserialize<T>(CwJson.Options)!);
            }

            string? next = null;
            var hadLink = response.Headers.TryGetValues("Link", out var links);
            if (hadLink)
            {
                next = LinkHeader.FindRel(string.Join(",", links!), "next");
            }

            return new PageResult<T>(rows, next, hadLink, maxId);
        }

        private async Task<T> ReadAsync<T>(HttpResponseMessage response, string method)
        {
            var status = (int)response.StatusCode;
            var body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (status >= 200 && status < 300)
            {
                if (status == 204 || string.IsNullOrWhiteSpace(body))
                {
                    return default!;
                }

                try
                {
                    return JsonSerializer.Deserialize<T>(body, CwJson.Options)!;
                }
                catch (JsonException ex)
                {
                    throw new PsaApiException(PsaErrorKind.Server, "UnexpectedResponse", $"ConnectWise answered {method} {Redact(response.RequestMessage?.RequestUri)} with a body Sync365 could not read: {ex.Message}", ex)
                    { StatusCode = status, Method = method, RequestUri = response.RequestMessage?.RequestUri };
                }
            }

            throw ErrorFromResponse(status, response.ReasonPhrase, body, method, response.RequestMessage?.RequestUri, response.Headers.RetryAfter?.Delta);
        }

        internal PsaApiException ErrorFromResponse(int status, string? reason, string body, string method, Uri? url, TimeSpan? retryAfter)
        {
            CwError? error = null;
            try
            {
                error = string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<CwError>(body, CwJson.Options);
            }
            catch (JsonException)
            {
            }

            var apiMessage = error?.Message;
            var details = (error?.Errors ?? new List<CwValidationError>())
                .Select(e => string.Join(" ", new[] { e.Field != null ? $"[{e.Resource}.{e.Field}]" : null, e.Message ?? e.Code }.Where(x => !string.IsNullOrEmpty(x))))
                .ToList();
            var where = $"{method} {Redact(url)}";
            var said = string.IsNullOrEmpty(apiMessage) ? string.Empty : $" ConnectWise said: {apiMessage}" + (details.Count > 0 ? " (" + string.Join("; ", details) + ")" : string.Empty) + ".";
            PsaErrorKind kind;
            string id;
            string text;
            switch (status)
            {
                case 400:
                    kind = PsaErrorKind.Validation;
                    id = "BadRequest";
                    text = $"ConnectWise refused {where} as invalid (400).{said}";
                    if (apiMessage != null && apiMessage.IndexOf("clientId", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        id = "ClientIdRejected";
                        text += " Pass a registered clientId GUID with -ClientId (developer.connectwise.com).";
                    }

                    break;
                case 401:
                    kind = PsaErrorKind.Authentication;
                    id = "AuthenticationFailed";
                    text = $"ConnectWise rejected the API keys for company '{CompanyId}' (401).{said} Check -CompanyId, -PublicKey and -PrivateKey: the private key is shown only once when the API key is created in System › Members › API Members; if it was lost, create a new key.";
                    break;
                case 403:
                    kind = PsaErrorKind.Authorization;
                    id = "PermissionDenied";
                    text = $"The API member's security role does not allow {where} (403).{said} {SecurityHint(url)} Run Test-S365Connection to list every missing right.";
                    break;
                case 404:
                    kind = PsaErrorKind.NotFound;
                    id = "NotFound";
                    text = $"ConnectWise has no record at {where} (404).{said} It may have been deleted; on ConnectWise cloud a 404 can also mean the keys are wrong.";
                    break;
                case 409:
                    kind = PsaErrorKind.Conflict;
                    id = "Conflict";
                    text = $"ConnectWise reported a conflict for {where} (409): the record may be in use or changed by someone else.{said} Try again later.";
                    break;
                case 429:
                    kind = PsaErrorKind.RateLimited;
                    id = "RateLimited";
                    text = $"ConnectWise kept answering 429 (too many requests) for {where} after every retry{(retryAfter.HasValue ? $"; it asks to wait {retryAfter.Value.TotalSeconds:0} s" : string.Empty)}. Lower -ThrottleLimit or run later.";
                    break;
                default:
                    kind = status >= 500 ? PsaErrorKind.Server : PsaErrorKind.Unknown;
                    id = status >= 500 ? "ServerError" : "HttpError";
                    text = $"ConnectWise answered {where} with {status} {reason}.{said}" + (status >= 500 ? " The request was retried; the server kept failing. Try again later." : string.Empty);
                    break;
            }

            return new PsaApiException(kind, id, text)
            {
                StatusCode = status,
                Method = method,
                RequestUri = url,
                ApiCode = error?.Code,
                ApiMessage = apiMessage,
                Details = details,
            };
        }

        private static string SecurityHint(Uri? url)
        {
            var need = url == null ? null : CwSecurityMap.ForPath(url.AbsolutePath);
            return need == null ? "Check the role in System › Security Roles." : $"It needs {need.Module} › {need.Function} in System › Security Roles.";
        }

        internal static string Redact(Uri? url) => url == null ? "(unknown)" : url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

        private static PsaApiException NetworkError(string method, Uri url, Exception ex)
        {
            if (ex is PsaApiException p)
            {
                return p;
            }

            var root = ex.GetBaseException();
            if (ex is TimeoutException || root is TimeoutException)
            {
                return new PsaApiException(PsaErrorKind.Network, "Timeout", $"{url.Host} did not answer {method} {Redact(url)} in time, even after retries. Check the server is up and reachable, then try again.", ex)
                { Method = method, RequestUri = url };
            }

            if (FindInner<AuthenticationException>(ex) != null)
            {
                return new PsaApiException(PsaErrorKind.Network, "TlsFailed", $"The TLS handshake with {url.Host} failed: {root.Message} Check the server's certificate is valid and trusted by this machine, and that -Server names the host the certificate is for.", ex)
                { Method = method, RequestUri = url };
            }

            return new PsaApiException(PsaErrorKind.Network, "ServerUnreachable", $"Could not reach {url.Host} ({root.Message}). Check -Server for typos, DNS, the proxy and the firewall, then try again.", ex)
            { Method = method, RequestUri = url };
        }

        private static TEx? FindInner<TEx>(Exception ex)
            where TEx : Exception
        {
            for (Exception? e = ex; e != null; e = e.InnerException)
            {
                if (e is TEx t)
                {
                    return t;
                }
            }

            return null;
        }

        private sealed class PageResult<T>
        {
            public PageResult(List<T> rows, string? nextLink, bool hadLinkHeader, long? maxId)
            {
                Rows = rows;
                NextLink = nextLink;
                HadLinkHeader = hadLinkHeader;
                MaxId = maxId;
            }

            public List<T> Rows { get; }

            public string? NextLink { get; }

            public bool HadLinkHeader { get; }

            public long? MaxId { get; }
        }
    }
}
