using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sync365.Simulator;

/// <summary>The single terminal request handler: control endpoints, companyinfo and the ConnectWise API.</summary>
internal sealed class Handler(SimState state)
{
    public const string AnnouncedCodebase = "v2025_1";
    public const string ApiVersion = "2025.16";
    private const string JsonType = "application/json; charset=utf-8";

    public async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        SimResponse resp;
        bool drop = false;
        bool api = false;
        try
        {
            if (path.StartsWith("/_sim", StringComparison.OrdinalIgnoreCase) && (path.Length == 5 || path[5] == '/'))
                resp = await ControlAsync(ctx, path[5..].Trim('/'));
            else if (path.StartsWith("/login/companyinfo/", StringComparison.OrdinalIgnoreCase))
                resp = await CompanyInfoAsync(ctx, path["/login/companyinfo/".Length..].Trim('/'));
            else if (TryApiPath(path, out var rest))
            {
                api = true;
                (resp, drop) = await ApiAsync(ctx, rest);
            }
            else resp = Errors.NotFound($"The resource '{path}' was not found.");
        }
        catch (OperationCanceledException) when (ctx.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        await WriteAsync(ctx, resp, drop, api);
    }

    private static bool TryApiPath(string path, out string rest)
    {
        rest = "";
        int idx = path.IndexOf("/apis/3.0", StringComparison.OrdinalIgnoreCase);
        if (idx <= 1) return false;
        var codebase = path[1..idx];
        if (!codebase.Equals("v4_6_release", StringComparison.OrdinalIgnoreCase) && !codebase.Equals(AnnouncedCodebase, StringComparison.OrdinalIgnoreCase))
            return false;
        rest = path[(idx + "/apis/3.0".Length)..];
        return rest.Length == 0 || rest[0] == '/';
    }

    private static async Task WriteAsync(HttpContext ctx, SimResponse resp, bool drop, bool api)
    {
        var r = ctx.Response;
        r.StatusCode = resp.Status;
        if (api) r.Headers["api-current-version"] = ApiVersion;
        if (resp.Headers is not null)
            foreach (var h in resp.Headers) r.Headers[h.Key] = Microsoft.Extensions.Primitives.StringValues.Concat(r.Headers[h.Key], h.Value);
        if (resp.Body is null) return;
        r.ContentType = JsonType;
        r.ContentLength = resp.Body.Length;
        if (drop)
        {
            // Send part of the body, then abort the connection mid-response.
            int part = resp.Body.Length / 2;
            if (part > 0) await r.Body.WriteAsync(resp.Body.AsMemory(0, part));
            await r.Body.FlushAsync();
            ctx.Abort();
            return;
        }
        await r.Body.WriteAsync(resp.Body);
    }

    // ---------------------------------------------------------------- control

    private async Task<SimResponse> ControlAsync(HttpContext ctx, string what)
    {
        var m = ctx.Request.Method;
        switch (what.ToLowerInvariant())
        {
            case "stats" when m == "GET": return SimResponse.Json(200, state.Stats.ToJson());
            case "stats" when m == "DELETE": state.Stats.Clear(); return new SimResponse { Status = 204 };
            case "reset" when m == "POST": state.Reset(); return new SimResponse { Status = 204 };
            case "faults" when m == "GET": return SimResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(state.Faults.Settings));
            case "faults" when m is "POST" or "PUT":
                {
                    FaultSettings? f;
                    try { f = await JsonSerializer.DeserializeAsync<FaultSettings>(ctx.Request.Body, FaultJson); }
                    catch (JsonException ex) { return Errors.Response(400, "InvalidObject", "faults: " + ex.Message); }
                    f ??= new FaultSettings();
                    if (f.Rate429 is < 0 or > 1 || f.Rate500 is < 0 or > 1 || f.RateDrop is < 0 or > 1 || f.LatencyMs < 0 || f.JitterMs < 0 || f.RpsLimit < 0)
                        return Errors.Response(400, "InvalidObject", "faults: rates must be within 0..1 and times/limits must not be negative.");
                    state.Faults.Set(f);
                    return SimResponse.Json(200, JsonSerializer.SerializeToUtf8Bytes(f));
                }
            case "export" when m == "GET": return SimResponse.Json(200, state.Export());
            case "import" when m == "POST":
                {
                    DataSet d;
                    try
                    {
                        using var ms = new MemoryStream();
                        await ctx.Request.Body.CopyToAsync(ms, ctx.RequestAborted);
                        ms.Position = 0;
                        d = DataSet.Import(ms);
                    }
                    catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                    {
                        return Errors.Response(400, "InvalidObject", "import: the body is not a /_sim/export document: " + ex.Message);
                    }
                    state.Load(d);
                    return new SimResponse { Status = 204 };
                }
            case "stats" or "reset" or "faults" or "export" or "import": return Errors.Response(405, "MethodNotAllowed", $"Method {m} is not allowed on /_sim/{what}.");
        }
        return Errors.NotFound($"Unknown control endpoint /_sim/{what}.");
    }

    private static readonly JsonSerializerOptions FaultJson = new() { PropertyNameCaseInsensitive = true };

    // ---------------------------------------------------------------- companyinfo

    private async Task<SimResponse> CompanyInfoAsync(HttpContext ctx, string companyId)
    {
        int delay = state.Faults.NextDelayMs();
        if (delay > 0) await Task.Delay(delay, ctx.RequestAborted);
        var d = state.Data;
        if (!string.Equals(companyId, d.CompanyId, StringComparison.OrdinalIgnoreCase))
            return SimResponse.Json(200, "null"u8.ToArray());
        var body = JsonDefaults.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("CompanyName", d.CompanyName);
            w.WriteString("Codebase", AnnouncedCodebase + "/");
            w.WriteString("VersionCode", "v2025.1");
            w.WriteString("VersionNumber", "v4.6.102727");
            w.WriteString("CompanyID", d.CompanyId);
            w.WriteBoolean("IsCloud", true);
            w.WriteString("SiteUrl", ctx.Request.Host.Value);
            w.WriteEndObject();
        });
        return SimResponse.Json(200, body);
    }

    // ---------------------------------------------------------------- API

    private async Task<(SimResponse, bool drop)> ApiAsync(HttpContext ctx, string rest)
    {
        var method = ctx.Request.Method.ToUpperInvariant();
        var match = Router.Match(rest);
        state.Stats.Count(method, match?.Template ?? "(unmatched)");

        int delay = state.Faults.NextDelayMs();
        if (delay > 0) await Task.Delay(delay, ctx.RequestAborted);
        var (fault, drop) = state.Faults.Decide();
        if (fault == FaultKind.TooMany)
        {
            int ra = state.Faults.RetryAfter;
            return (Errors.Response(429, "TooManyRequests", $"Request volume exceeds capacity limits. Retry after {ra} seconds.").With("Retry-After", ra.ToString(System.Globalization.CultureInfo.InvariantCulture)), false);
        }
        if (fault == FaultKind.ServerError)
            return (Errors.Response(500, "ConnectWiseApi", "An unexpected error occurred (simulated server error)."), false);

        var caller = state.Auth.Authenticate(ctx.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null);
        if (caller is null) return (Errors.Response(401, "Unauthorized", "UserNotAuthenticated"), drop);

        var clientId = ctx.Request.Headers["clientId"].ToString();
        if (string.IsNullOrWhiteSpace(clientId) || !Guid.TryParse(clientId, out _))
            return (Errors.Response(400, "InvalidClientId",
                string.IsNullOrWhiteSpace(clientId)
                    ? "The clientId header is required. Send 'clientId: <GUID>' (the integration's registered client id) with every request."
                    : $"The clientId header value '{clientId}' is not a valid GUID."), drop);

        if (match is null) return (Errors.NotFound($"The requested resource '{rest}' was not found."), drop);

        if (!Allowed(match, method))
            return (Errors.Response(405, "MethodNotAllowed", $"The requested resource does not support http method '{method}'."), drop);

        if (match.Kind != RouteKind.Bundles && match.Kind != RouteKind.MySecurity && match.Def?.Security is { } sec && !caller.Allows(sec, method))
            return (Forbidden(sec, method), drop);

        try
        {
            var resp = match.Kind switch
            {
                RouteKind.Info => SystemInfo(),
                RouteKind.Bundles => await BundlesAsync(ctx, caller),
                RouteKind.MySecurity => ListOrCount(ctx, match.Def!, caller.RoleId, caller, count: false),
                RouteKind.List when method == "GET" => ListOrCount(ctx, match.Def!, match.ParentId, caller, count: false),
                RouteKind.Count => ListOrCount(ctx, match.Def!, match.ParentId, caller, count: true),
                RouteKind.List => await WriteAsync(ctx, match, caller, method),
                RouteKind.Item when method == "GET" => GetItem(ctx, match),
                _ => await WriteAsync(ctx, match, caller, method),
            };
            return (resp, drop);
        }
        catch (QuerySyntaxException ex)
        {
            var field = ex.Message.Split(':')[0];
            return (Errors.Response(400, "InvalidObject", ex.Message,
                new[] { new ValidationError("InvalidQuery", ex.Message, match.Def?.ResourceName, field, $"position {ex.Position}") }), drop);
        }
    }

    internal static SimResponse Forbidden(SecurityFunction sec, string method) =>
        Errors.Response(403, "Security", "You do not have security permission to perform this action.")
            .With("x-sim-security", $"{sec.ModuleName} > {sec.FunctionDescription}: {Caller.LevelName(method)}");

    private static bool Allowed(RouteMatch m, string method) => m.Kind switch
    {
        RouteKind.Info or RouteKind.MySecurity or RouteKind.Count => method == "GET",
        RouteKind.Bundles => method == "POST",
        RouteKind.List => method == "GET" || (method == "POST" && !m.Def!.ReadOnly),
        RouteKind.Item => method == "GET" || (!m.Def!.ReadOnly && m.IdText is null && method is "PUT" or "PATCH" or "DELETE"),
        _ => false,
    };

    private static SimResponse SystemInfo() => SimResponse.Json(200, JsonDefaults.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("version", "v2025.1.102727");
        w.WriteBoolean("isCloud", true);
        w.WriteString("serverTimeZone", "Eastern Standard Time");
        w.WriteStartArray("licenseBits");
        foreach (var (n, f) in new[] { ("Service", true), ("Project", true), ("Sales", true), ("Procurement", true), ("Finance", true), ("Mobile", false) })
        {
            w.WriteStartObject();
            w.WriteString("name", n);
            w.WriteBoolean("activeFlag", f);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("cloudRegion", "NA");
        w.WriteNumber("maxWorkFlowRecordsAllowed", 1000);
        w.WriteEndObject();
    }));

    private SimResponse ListOrCount(HttpContext ctx, ResourceDef def, int? parentId, Caller caller, bool count)
    {
        var qs = ctx.Request.Query;
        bool forward = string.Equals(ctx.Request.Headers["pagination-type"].ToString(), "forward-only", StringComparison.OrdinalIgnoreCase);
        var q = ListQuery.Parse(qs["conditions"], qs["childConditions"], qs["customFieldConditions"], qs["orderBy"], qs["fields"],
            qs["page"], qs["pageSize"], qs["pageId"], forward && !count);
        byte[] body;
        ListResult? result;
        state.Lock.EnterReadLock();
        try
        {
            var data = state.Data;
            if (def.ParentTable is not null && parentId is not null && !data.Table(def.ParentTable).ById.ContainsKey(parentId.Value))
                return Errors.NotFound($"{Resources.ByTable(def.ParentTable)!.ResourceName} {parentId} not found.");
            var table = data.Table(def.Table);
            if (count)
            {
                int n = Ops.Count(table, parentId, q);
                return SimResponse.Json(200, Encoding.UTF8.GetBytes("{\"count\":" + n + "}"));
            }
            result = Ops.List(table, parentId, q);
            body = Ops.WriteArray(result.Rows, q.Fields);
        }
        finally { state.Lock.ExitReadLock(); }

        var resp = SimResponse.Json(200, body);
        var req = ctx.Request;
        if (q.ForwardOnly)
        {
            // A forward-only reply always carries Link, empty on the last page: production clients
            // (christaylorcodes/ConnectWiseManageAPI Invoke-CWMAllResult) treat a missing Link header as
            // "this endpoint does not support forward-only" and an empty one as the end.
            resp.With("Link", result.HasMore ? $"<{LinkUrl(req, "pageId", result.Rows[^1].Id)}>; rel=\"next\"" : string.Empty);
        }
        else if (result.Total > 0)
        {
            int last = (result.Total + q.PageSize - 1) / q.PageSize;
            var links = new List<string> { $"<{LinkUrl(req, "page", 1)}>; rel=\"first\"" };
            if (q.Page > 1) links.Add($"<{LinkUrl(req, "page", Math.Min(q.Page - 1, last))}>; rel=\"prev\"");
            if (q.Page < last) links.Add($"<{LinkUrl(req, "page", q.Page + 1)}>; rel=\"next\"");
            links.Add($"<{LinkUrl(req, "page", last)}>; rel=\"last\"");
            resp.With("Link", string.Join(", ", links));
        }
        return resp;
    }

    /// <summary>Absolute URL of this request with page/pageId removed and "{key}={value}" appended last.</summary>
    internal static string LinkUrl(HttpRequest req, string key, int value)
    {
        var sb = new StringBuilder();
        sb.Append(req.Scheme).Append("://").Append(req.Host.Value).Append(req.PathBase.Value).Append(req.Path.Value).Append('?');
        var raw = req.QueryString.Value;
        if (!string.IsNullOrEmpty(raw))
        {
            foreach (var part in raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = part.IndexOf('=');
                var k = Uri.UnescapeDataString((eq < 0 ? part : part[..eq]).Replace('+', ' '));
                if (k.Equals("page", StringComparison.OrdinalIgnoreCase) || k.Equals("pageId", StringComparison.OrdinalIgnoreCase)) continue;
                var v = eq < 0 ? "" : Uri.UnescapeDataString(part[(eq + 1)..].Replace('+', ' '));
                sb.Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v)).Append('&');
            }
        }
        sb.Append(key).Append('=').Append(value);
        return sb.ToString();
    }

    private SimResponse GetItem(HttpContext ctx, RouteMatch m)
    {
        var fields = FieldSet.Parse(ctx.Request.Query["fields"]);
        state.Lock.EnterReadLock();
        try
        {
            var e = Find(state.Data, m);
            if (e is null) return NotFound(m);
            return SimResponse.Json(200, JsonDefaults.Write(w => Ops.WriteEntity(w, e, fields)));
        }
        finally { state.Lock.ExitReadLock(); }
    }

    private static SimResponse NotFound(RouteMatch m) =>
        Errors.NotFound($"{m.Def!.ResourceName} {(m.IdText ?? m.Id?.ToString())} not found.");

    private static Entity? Find(DataSet data, RouteMatch m)
    {
        var def = m.Def!;
        var table = data.Table(def.Table);
        if (m.IdText is not null)
            return table.All.FirstOrDefault(e => e.Root.TryGetProperty("identifier", out var x) && string.Equals(x.GetString(), m.IdText, StringComparison.OrdinalIgnoreCase));
        if (!table.ById.TryGetValue(m.Id!.Value, out var found)) return null;
        if (def.ParentTable is not null && found.ParentId != m.ParentId) return null;
        return found;
    }

    private async Task<SimResponse> WriteAsync(HttpContext ctx, RouteMatch m, Caller caller, string method)
    {
        var def = m.Def!;
        JsonNode? body = null;
        if (method != "DELETE")
        {
            try { body = await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted); }
            catch (JsonException ex) { return Errors.Response(400, "InvalidObject", $"The request body is not valid JSON: {ex.Message}"); }
        }
        state.Lock.EnterWriteLock();
        try
        {
            var data = state.Data;
            if (def.ParentTable is not null && m.ParentId is not null && !data.Table(def.ParentTable).ById.ContainsKey(m.ParentId.Value))
                return Errors.NotFound($"{Resources.ByTable(def.ParentTable)!.ResourceName} {m.ParentId} not found.");
            var table = data.Table(def.Table);
            if (m.Kind == RouteKind.List)
            {
                if (body is not JsonObject obj) return Errors.Response(400, "InvalidObject", $"The request body must be a JSON {def.ResourceName} object.");
                obj.Remove("id");
                var errors = Ops.Normalize(data, def, obj, m.ParentId, caller, null);
                if (errors.Count > 0) return Errors.Invalid(def.ResourceName, errors);
                var e = Entity.FromNode(Ops.WithId(table.NextId, obj), m.ParentId ?? 0);
                FieldNames.Register(e.Root);
                table.Add(e);
                return SimResponse.Json(201, e.Json);
            }
            var existing = Find(data, m);
            if (existing is null) return NotFound(m);
            if (method == "DELETE")
            {
                table.Remove(existing.Id);
                foreach (var child in Resources.All.Where(d => d.ParentTable == def.Table))
                {
                    var ct = data.Table(child.Table);
                    foreach (var c in ct.Rows(existing.Id).ToList()) ct.Remove(c.Id);
                }
                return new SimResponse { Status = 204 };
            }
            var old = existing.ToNode();
            JsonObject updated;
            if (method == "PATCH")
            {
                if (body is not JsonArray ops) return Errors.Response(400, "InvalidObject", "The PATCH body must be a JSON array of patch operations [{\"op\":\"replace\",\"path\":\"field\",\"value\":...}].");
                updated = existing.ToNode();
                var err = Ops.ApplyPatch(updated, ops);
                if (err is not null) return Errors.Response(400, "InvalidObject", err,
                    new[] { new ValidationError("InvalidPatch", err, def.ResourceName, null) });
            }
            else
            {
                if (body is not JsonObject obj) return Errors.Response(400, "InvalidObject", $"The request body must be a JSON {def.ResourceName} object.");
                updated = obj;
            }
            updated["id"] = existing.Id;
            List<ValidationError> errs;
            try { errs = Ops.Normalize(data, def, updated, m.ParentId, caller, old); }
            catch (FormatException ex) { return Errors.Invalid(def.ResourceName, new[] { new ValidationError("InvalidField", ex.Message, def.ResourceName, null) }); }
            if (errs.Count > 0) return Errors.Invalid(def.ResourceName, errs);
            var ne = Entity.FromNode(Ops.WithId(existing.Id, updated), existing.ParentId);
            FieldNames.Register(ne.Root);
            table.Replace(ne);
            return SimResponse.Json(200, ne.Json);
        }
        catch (FormatException ex)
        {
            return Errors.Invalid(def.ResourceName, new[] { new ValidationError("InvalidField", ex.Message, def.ResourceName, null) });
        }
        finally { state.Lock.ExitWriteLock(); }
    }

    // ---------------------------------------------------------------- bundles

    private static JsonElement Prop(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object) return default;
        return FieldNames.TryGetAnyCase(e, name, out var v) ? v : default;
    }

    private static string? Str(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetRawText(),
        _ => null,
    };

    private static int? Int(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt32(out var i) => i,
        JsonValueKind.String when int.TryParse(e.GetString(), out var i) => i,
        _ => null,
    };

    private async Task<SimResponse> BundlesAsync(HttpContext ctx, Caller caller)
    {
        JsonDocument doc;
        try { doc = await JsonDocument.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted); }
        catch (JsonException ex) { return Errors.Response(400, "InvalidObject", $"The request body is not valid JSON: {ex.Message}"); }
        using (doc)
        {
            var requests = Prop(doc.RootElement, "requests");
            if (requests.ValueKind != JsonValueKind.Array)
                return Errors.Invalid("bundle", new[] { new ValidationError("MissingRequiredField", "requests is required.", "bundle", "requests") });
            int n = requests.GetArrayLength();
            int max = state.Options.MaxBundleRequests;
            if (n > max)
                return Errors.Response(400, "InvalidObject", $"A bundle may contain at most {max} requests; this one has {n}.",
                    new[] { new ValidationError("MaxRequestsExceeded", $"A bundle may contain at most {max} requests; this one has {n}.", "bundle", "requests") });
            state.Stats.CountBundled(n);

            var buf = new System.Buffers.ArrayBufferWriter<byte>(4096);
            using (var w = new Utf8JsonWriter(buf, JsonDefaults.Writer))
            {
                w.WriteStartObject();
                w.WriteStartArray("results");
                state.Lock.EnterReadLock();
                try
                {
                    foreach (var r in requests.EnumerateArray()) BundleItem(w, r, caller);
                }
                finally { state.Lock.ExitReadLock(); }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            return SimResponse.Json(200, buf.WrittenSpan.ToArray());
        }
    }

    private void BundleItem(Utf8JsonWriter w, JsonElement r, Caller caller)
    {
        var seq = Int(Prop(r, "sequenceNumber"));
        var type = Str(Prop(r, "resourceType"));
        var version = Str(Prop(r, "version"));
        var api = Prop(r, "apiRequest");
        var filters = Prop(api, "filters");
        var page = Prop(api, "page");

        void Head(bool success, int status)
        {
            w.WriteStartObject();
            if (seq is null) w.WriteNull("sequenceNumber"); else w.WriteNumber("sequenceNumber", seq.Value);
            w.WriteString("resourceType", type);
            if (version is null) w.WriteNull("version"); else w.WriteString("version", version);
            w.WriteBoolean("success", success);
            w.WriteNumber("statusCode", status);
        }
        void Fail(int status, string code, string message)
        {
            Head(false, status);
            w.WriteStartArray("entities");
            w.WriteEndArray();
            w.WriteNumber("count", 0);
            w.WritePropertyName("error");
            w.WriteRawValue(Errors.Body(code, message), skipInputValidation: true);
            w.WriteEndObject();
        }

        var def = Resources.ByBundleName(type);
        if (def is null) { Fail(400, "InvalidObject", $"Unknown resourceType '{type}'."); return; }
        if (Prop(api, "entity").ValueKind == JsonValueKind.Object) { Fail(400, "InvalidObject", "The simulator only supports read (GET) requests in bundles."); return; }
        if (def.Security is { } sec && !caller.Allows(sec, "GET")) { Fail(403, "Security", "You do not have security permission to perform this action."); return; }
        var parentId = Int(Prop(api, "parentId"));
        if (def.ParentTable is not null && parentId is null) { Fail(400, "InvalidObject", $"resourceType '{type}' needs apiRequest.parentId."); return; }
        var data = state.Data;
        if (def.ParentTable is not null && !data.Table(def.ParentTable).ById.ContainsKey(parentId!.Value))
        { Fail(404, "NotFound", $"{Resources.ByTable(def.ParentTable)!.ResourceName} {parentId} not found."); return; }
        var table = data.Table(def.Table);
        var id = Int(Prop(api, "id"));
        ListQuery q;
        try
        {
            q = ListQuery.Parse(Str(Prop(filters, "conditions")), Str(Prop(filters, "childconditions")), Str(Prop(filters, "customfieldconditions")),
                Str(Prop(filters, "orderBy")), Str(Prop(api, "fields")), Str(Prop(page, "page")), Str(Prop(page, "pageSize")), Str(Prop(page, "pageId")),
                Int(Prop(page, "pageId")) is int pid && (pid > 0 || Prop(page, "page").ValueKind is JsonValueKind.Undefined or JsonValueKind.Null));
        }
        catch (QuerySyntaxException ex) { Fail(400, "InvalidObject", ex.Message); return; }

        List<Entity> rows;
        if (id is not null)
        {
            if (!table.ById.TryGetValue(id.Value, out var e) || (def.ParentTable is not null && e.ParentId != parentId))
            { Fail(404, "NotFound", $"{def.ResourceName} {id} not found."); return; }
            rows = new List<Entity> { e };
        }
        else rows = Ops.List(table, parentId, q).Rows;
        Head(true, 200);
        w.WriteStartArray("entities");
        foreach (var e in rows) Ops.WriteEntity(w, e, q.Fields);
        w.WriteEndArray();
        w.WriteNumber("count", rows.Count);
        w.WriteEndObject();
    }
}
