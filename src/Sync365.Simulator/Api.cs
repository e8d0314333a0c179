using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Sync365.Simulator;

internal sealed class SimResponse
{
    public int Status { get; init; }
    public byte[]? Body { get; init; }
    public List<KeyValuePair<string, string>>? Headers { get; set; }

    public static SimResponse Json(int status, byte[] body) => new() { Status = status, Body = body };

    public SimResponse With(string name, string value)
    {
        (Headers ??= new()).Add(new(name, value));
        return this;
    }
}

internal sealed record ValidationError(string Code, string Message, string? Resource, string? Field, string? Details = null);

internal static class Errors
{
    public static byte[] Body(string code, string message, IReadOnlyList<ValidationError>? errors = null) => JsonDefaults.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("message", message);
        if (errors is null) w.WriteNull("errors");
        else
        {
            w.WriteStartArray("errors");
            foreach (var e in errors)
            {
                w.WriteStartObject();
                w.WriteString("code", e.Code);
                w.WriteString("message", e.Message);
                if (e.Resource is null) w.WriteNull("resource"); else w.WriteString("resource", e.Resource);
                if (e.Field is null) w.WriteNull("field"); else w.WriteString("field", e.Field);
                if (e.Details is not null) w.WriteString("details", e.Details);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    public static SimResponse Response(int status, string code, string message, IReadOnlyList<ValidationError>? errors = null) =>
        SimResponse.Json(status, Body(code, message, errors));

    public static SimResponse NotFound(string message) => Response(404, "NotFound", message);

    public static SimResponse Invalid(string resource, IReadOnlyList<ValidationError> errors) =>
        Response(400, "InvalidObject", $"{resource} object is invalid", errors);
}

/// <summary>Parsed list parameters (conditions, childConditions, orderBy, fields, paging).</summary>
internal sealed class ListQuery
{
    public Condition Conditions { get; init; } = Condition.Parse(null);
    public Func<JsonElement, bool>? Child { get; init; }
    public Func<JsonElement, bool>? CustomFields { get; init; }
    public OrderBy Order { get; init; } = OrderBy.Parse(null);
    public FieldSet? Fields { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 25;
    public int PageId { get; init; }
    public bool ForwardOnly { get; init; }

    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 1000;

    /// <summary>Throws QuerySyntaxException (message names the parameter and the position).</summary>
    public static ListQuery Parse(string? conditions, string? childConditions, string? customFieldConditions, string? orderBy, string? fields,
        string? page, string? pageSize, string? pageId, bool forwardOnly)
    {
        Condition Cond(string name, string? text)
        {
            try { return Condition.Parse(text); }
            catch (QuerySyntaxException ex) { throw new QuerySyntaxException($"{name}: {ex.Message}", ex.Position); }
        }
        int Int(string name, string? text, int dflt)
        {
            if (string.IsNullOrWhiteSpace(text)) return dflt;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                throw new QuerySyntaxException($"{name}: '{text}' is not a valid integer.", 0);
            return v;
        }
        var child = Cond("childConditions", childConditions);
        var custom = Cond("customFieldConditions", customFieldConditions);
        var customPred = custom is Condition.True ? null : custom.AsArrayItemPredicate("customFields");
        int size = Int("pageSize", pageSize, DefaultPageSize);
        if (size <= 0) size = DefaultPageSize;
        if (size > MaxPageSize) size = MaxPageSize;
        int pg = Int("page", page, 1);
        if (pg < 1) pg = 1;
        return new ListQuery
        {
            Conditions = Cond("conditions", conditions),
            Child = child is Condition.True ? null : child.AsChildPredicate(),
            CustomFields = customPred,
            Order = OrderBy.Parse(orderBy),
            Fields = FieldSet.Parse(fields),
            Page = pg,
            PageSize = size,
            PageId = Int("pageId", pageId, 0),
            ForwardOnly = forwardOnly,
        };
    }

    public bool Matches(Entity e)
    {
        var r = e.Root;
        if (!Conditions.Matches(r)) return false;
        if (Child is not null && !Child(r)) return false;
        if (CustomFields is not null && !CustomFields(r)) return false;
        return true;
    }

    public bool HasFilter => Conditions is not Condition.True || Child is not null || CustomFields is not null;
}

internal sealed record ListResult(List<Entity> Rows, int Total, bool HasMore);

/// <summary>The resource operations, independent of HTTP (also used by bundles).</summary>
internal static class Ops
{
    /// <summary>Runs a list query. Call under the read lock.</summary>
    public static ListResult List(Table table, int? parentId, ListQuery q)
    {
        var rows = table.Rows(parentId);
        if (q.ForwardOnly)
        {
            int start = LowerBound(rows, q.PageId + 1);
            var page = new List<Entity>(Math.Min(q.PageSize, rows.Count));
            bool more = false;
            for (int i = start; i < rows.Count; i++)
            {
                var e = rows[i];
                if (q.HasFilter && !q.Matches(e)) continue;
                if (page.Count == q.PageSize) { more = true; break; }
                page.Add(e);
            }
            return new ListResult(page, -1, more);
        }
        List<Entity> all;
        if (q.PageId > 0)
        {
            // Without the forward-only header, pageId still acts as an extra "id > pageId" condition.
            all = new List<Entity>();
            for (int i = LowerBound(rows, q.PageId + 1); i < rows.Count; i++)
                if (!q.HasFilter || q.Matches(rows[i])) all.Add(rows[i]);
        }
        else if (q.HasFilter)
        {
            all = new List<Entity>();
            foreach (var e in rows) if (q.Matches(e)) all.Add(e);
        }
        else if (!q.Order.IsEmpty) all = new List<Entity>(rows);
        else
        {
            int skip0 = (int)Math.Min((long)(q.Page - 1) * q.PageSize, rows.Count);
            int take0 = Math.Min(q.PageSize, rows.Count - skip0);
            var slice = new List<Entity>(take0);
            for (int i = 0; i < take0; i++) slice.Add(rows[skip0 + i]);
            return new ListResult(slice, rows.Count, skip0 + take0 < rows.Count);
        }
        if (!q.Order.IsEmpty) all.Sort(q.Order.Compare);
        int skip = (int)Math.Min((long)(q.Page - 1) * q.PageSize, all.Count);
        int take = Math.Min(q.PageSize, all.Count - skip);
        return new ListResult(all.GetRange(skip, take), all.Count, skip + take < all.Count);
    }

    public static int Count(Table table, int? parentId, ListQuery q)
    {
        var rows = table.Rows(parentId);
        int start = q.PageId > 0 ? LowerBound(rows, q.PageId + 1) : 0;
        if (!q.HasFilter) return rows.Count - start;
        int n = 0;
        for (int i = start; i < rows.Count; i++) if (q.Matches(rows[i])) n++;
        return n;
    }

    private static int LowerBound(IReadOnlyList<Entity> rows, int id)
    {
        int lo = 0, hi = rows.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (rows[mid].Id < id) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public static void WriteEntity(Utf8JsonWriter w, Entity e, FieldSet? fields)
    {
        if (fields is null) w.WriteRawValue(e.Json, skipInputValidation: true);
        else fields.Write(w, e.Root);
    }

    public static byte[] WriteArray(List<Entity> rows, FieldSet? fields) => JsonDefaults.Write(w =>
    {
        w.WriteStartArray();
        foreach (var e in rows) WriteEntity(w, e, fields);
        w.WriteEndArray();
    });

    public static string Now() => DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, Dictionary<string, int>> MaxLengths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["companies"] = new() { ["identifier"] = 30, ["name"] = 50 },
        ["agreements"] = new() { ["name"] = 100 },
        ["additions"] = new() { ["serialNumber"] = 50, ["invoiceDescription"] = 6000 },
        ["tickets"] = new() { ["summary"] = 100 },
        ["catalog"] = new() { ["identifier"] = 75, ["description"] = 60 },
        ["agreementTypes"] = new() { ["name"] = 50 },
        ["slas"] = new() { ["name"] = 25 },
        ["adjustments"] = new() { ["description"] = 1000 },
    };

    /// <summary>Enum fields validated on writes (values from connectwise-enums.txt); matched case-insensitively and stored in canonical case.</summary>
    private static readonly Dictionary<string, Dictionary<string, string[]>> Enums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["additions"] = new() { ["billCustomer"] = new[] { "Billable", "DoNotBill", "NoCharge" } },
        ["agreements"] = new()
        {
            ["agreementStatus"] = new[] { "Active", "Cancelled", "Expired", "Inactive" },
            ["billTime"] = new[] { "Billable", "DoNotBill", "NoCharge", "NoDefault" },
            ["billExpenses"] = new[] { "Billable", "DoNotBill", "NoCharge", "NoDefault" },
            ["billProducts"] = new[] { "Billable", "DoNotBill", "NoCharge", "NoDefault" },
            ["periodType"] = new[] { "Current", "Future", "Both", "Undefined" },
        },
        ["tickets"] = new()
        {
            ["recordType"] = new[] { "ProjectIssue", "ProjectTicket", "ServiceTicket" },
            ["severity"] = new[] { "Low", "Medium", "High" },
            ["impact"] = new[] { "Low", "Medium", "High" },
        },
        ["priorities"] = new() { ["color"] = new[] { "Black", "Blue", "Cyan", "Gray", "Green", "Lime", "Orange", "Pink", "Purple", "Red", "White", "Yellow", "Custom" } },
        ["slas"] = new() { ["basedOn"] = new[] { "AllHours", "Customer", "MyCalendar", "Custom" } },
        ["catalog"] = new() { ["productClass"] = new[] { "Agreement", "Bundle", "Inventory", "NonInventory", "Service" } },
    };

    private static JsonNode? GetCI(JsonObject o, string name, out string key)
    {
        if (o.TryGetPropertyValue(name, out var v)) { key = name; return v; }
        foreach (var kv in o)
            if (string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)) { key = kv.Key; return kv.Value; }
        key = name;
        return null;
    }

    private static double Num(JsonObject o, string name)
    {
        var n = GetCI(o, name, out _);
        if (n is JsonValue v)
        {
            if (v.TryGetValue<double>(out var d)) return d;
            if (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return d;
        }
        return 0;
    }

    /// <summary>Validates and completes an entity before it is stored. Call under the write lock.</summary>
    public static List<ValidationError> Normalize(DataSet data, ResourceDef def, JsonObject o, int? parentId, Caller caller, JsonObject? old)
    {
        var errors = new List<ValidationError>();
        // Store field names in their canonical spelling ("Quantity" → "quantity") so no near-duplicates appear.
        foreach (var kv in o.ToList())
            if (FieldNames.TryCanonical(kv.Key, out var canon) && canon != kv.Key && !o.ContainsKey(canon))
            {
                o.Remove(kv.Key);
                o[canon] = kv.Value;
            }
        foreach (var (field, table) in def.References)
        {
            var node = GetCI(o, field, out var key);
            if (node is not JsonObject r) continue;
            var t = data.Table(table);
            Entity? target = null;
            var idNode = GetCI(r, "id", out _);
            if (idNode is JsonValue iv && iv.TryGetValue<int>(out var rid)) t.ById.TryGetValue(rid, out target);
            else if (idNode is JsonValue sv && sv.TryGetValue<string>(out var sid) && int.TryParse(sid, out rid)) t.ById.TryGetValue(rid, out target);
            else if (GetCI(r, "identifier", out _) is JsonValue idv && idv.TryGetValue<string>(out var ident))
                target = t.All.FirstOrDefault(e => e.Root.TryGetProperty("identifier", out var x) && string.Equals(x.GetString(), ident, StringComparison.OrdinalIgnoreCase));
            else if (GetCI(r, "name", out _) is JsonValue nv && nv.TryGetValue<string>(out var rname))
                target = t.All.FirstOrDefault(e => e.Root.TryGetProperty("name", out var x) && x.ValueKind == JsonValueKind.String && string.Equals(x.GetString(), rname, StringComparison.OrdinalIgnoreCase));
            else if (r.Count == 0) { o.Remove(key); continue; }
            if (target is null)
            {
                errors.Add(new ValidationError("NotFound", $"{char.ToUpperInvariant(field[0])}{field[1..]} {(idNode?.ToJsonString() ?? "?")} not found.", def.ResourceName, field + "/id"));
                continue;
            }
            o[key] = Refs.Build(table, target);
        }
        if (def.ParentField is not null && parentId is not null) o[def.ParentField] = parentId.Value;
        foreach (var req in def.Required)
        {
            var v = GetCI(o, req, out _);
            if (v is null || (v is JsonValue jv && jv.TryGetValue<string>(out var s) && string.IsNullOrWhiteSpace(s)))
                errors.Add(new ValidationError("MissingRequiredField", $"{req} is required.", def.ResourceName, req));
        }
        if (MaxLengths.TryGetValue(def.Table, out var ml))
            foreach (var (field, max) in ml)
                if (GetCI(o, field, out _) is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > max)
                    errors.Add(new ValidationError("MaxLengthField", $"The field {field} must be a string with a maximum length of {max}.", def.ResourceName, field));
        if (Enums.TryGetValue(def.Table, out var en))
            foreach (var (field, allowed) in en)
                if (GetCI(o, field, out var ek) is JsonValue ev && ev.TryGetValue<string>(out var es))
                {
                    var match = allowed.FirstOrDefault(a => string.Equals(a, es, StringComparison.OrdinalIgnoreCase));
                    if (match is null)
                        errors.Add(new ValidationError("InvalidField", $"{field} must be one of {string.Join(", ", allowed)}.", def.ResourceName, field));
                    else o[ek] = match;
                }
        if (def.Table == "companies" && GetCI(o, "identifier", out _) is JsonValue idn && idn.TryGetValue<string>(out var cid))
        {
            int selfId = o["id"] is JsonValue sid2 && sid2.TryGetValue<int>(out var si) ? si : 0;
            if (data.Table("companies").All.Any(e => e.Id != selfId && e.Root.TryGetProperty("identifier", out var x) && string.Equals(x.GetString(), cid, StringComparison.OrdinalIgnoreCase)))
                errors.Add(new ValidationError("DuplicateIdentifier", $"The identifier {cid} is already in use.", def.ResourceName, "identifier"));
        }
        if (errors.Count > 0) return errors;

        if (def.Table == "additions") CompleteAddition(data, o);
        if (old is null) ApplyDefaults(data, def, o);

        var info = new JsonObject();
        if (old?["_info"] is JsonObject oi)
        {
            if (oi["dateEntered"] is JsonNode de) info["dateEntered"] = de.DeepClone();
            if (oi["enteredBy"] is JsonNode eb) info["enteredBy"] = eb.DeepClone();
        }
        var now = Now();
        info["lastUpdated"] = now;
        info["updatedBy"] = caller.Identifier;
        if (old is null) { info["dateEntered"] = now; info["enteredBy"] = caller.Identifier; }
        o["_info"] = info;
        return errors;
    }

    /// <summary>Defaults a newly created record gets when the caller leaves them out (like the real API's defaults).</summary>
    private static void ApplyDefaults(DataSet data, ResourceDef def, JsonObject o)
    {
        void Default(string field, Func<JsonNode?> value)
        {
            if (GetCI(o, field, out _) is null) o[field] = value();
        }
        Entity? First(string table, Func<Entity, bool> pred) => data.Table(table).All.FirstOrDefault(pred) ?? data.Table(table).All.FirstOrDefault();
        static bool IsDefault(Entity e) => e.Root.TryGetProperty("defaultFlag", out var f) && f.ValueKind == JsonValueKind.True;
        switch (def.Table)
        {
            case "tickets":
                Default("recordType", () => "ServiceTicket");
                Default("board", () => First("boards", _ => true) is { } b ? Refs.Build("boards", b) : null);
                Default("status", () => new JsonObject { ["id"] = 1, ["name"] = "New" });
                Default("priority", () => First("priorities", IsDefault) is { } p ? Refs.Build("priorities", p) : null);
                Default("severity", () => "Medium");
                Default("impact", () => "Medium");
                Default("closedFlag", () => false);
                break;
            case "agreements":
                Default("agreementStatus", () => "Active");
                Default("cancelledFlag", () => false);
                Default("startDate", () => DateTime.UtcNow.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture));
                Default("noEndingDateFlag", () => true);
                Default("billingCycle", () => new JsonObject { ["id"] = 2, ["name"] = "Monthly" });
                Default("prorateFlag", () => true);
                Default("periodType", () => "Current");
                break;
            case "companies":
                Default("status", () => new JsonObject { ["id"] = 1, ["name"] = "Active" });
                Default("deletedFlag", () => false);
                Default("isVendorFlag", () => false);
                break;
            case "contacts":
                Default("inactiveFlag", () => false);
                if (GetCI(o, "communicationItems", out _) is JsonArray items)
                {
                    int next = 1 + data.Table("contacts").All.Sum(e => e.Root.TryGetProperty("communicationItems", out var ci) && ci.ValueKind == JsonValueKind.Array ? ci.GetArrayLength() : 0) + 1000;
                    foreach (var item in items.OfType<JsonObject>())
                        if (GetCI(item, "id", out _) is null) item["id"] = next++;
                }
                break;
            case "catalog":
                Default("inactiveFlag", () => false);
                Default("productClass", () => "NonInventory");
                break;
        }
    }

    /// <summary>
    /// Addition computed fields: billedQuantity, extPrice, extCost, margin, defaults from the catalog item, and
    /// agreementStatus = Cancelled when cancelledDate is on or before now (UTC), otherwise Active.
    /// </summary>
    private static void CompleteAddition(DataSet data, JsonObject o)
    {
        double qty = Num(o, "quantity"), less = Num(o, "lessIncluded"), price = Num(o, "unitPrice"), cost = Num(o, "unitCost");
        o["quantity"] = qty;
        o["lessIncluded"] = less;
        o["unitPrice"] = price;
        o["unitCost"] = cost;
        double billed = Math.Max(0, qty - less);
        o["billedQuantity"] = billed;
        o["extPrice"] = Math.Round(billed * price, 2);
        o["extCost"] = Math.Round(billed * cost, 2);
        o["margin"] = Math.Round(billed * (price - cost), 2);
        if (GetCI(o, "effectiveDate", out _) is null) o["effectiveDate"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
        if (o["product"] is JsonObject p && p["id"] is JsonValue pid && pid.TryGetValue<int>(out var id) && data.Table("catalog").ById.TryGetValue(id, out var cat))
        {
            var c = cat.Root;
            if (GetCI(o, "description", out _) is null && c.TryGetProperty("description", out var d)) o["description"] = d.GetString();
            if (GetCI(o, "invoiceDescription", out _) is null && c.TryGetProperty("customerDescription", out var cd)) o["invoiceDescription"] = cd.GetString();
        }
        bool cancelled = false;
        if (GetCI(o, "cancelledDate", out var ck) is JsonValue cv && cv.TryGetValue<string>(out var cds))
        {
            if (!DateTimeOffset.TryParse(cds, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var cdt)) throw new FormatException($"cancelledDate '{cds}' is not a valid date.");
            cancelled = cdt <= DateTimeOffset.UtcNow;
        }
        else if (GetCI(o, "cancelledDate", out ck) is not null) o.Remove(ck);
        o["agreementStatus"] = cancelled ? "Cancelled" : "Active";
    }

    /// <summary>New object with id first, then the other properties in order (without nulls).</summary>
    public static JsonObject WithId(int id, JsonObject src)
    {
        var o = new JsonObject { ["id"] = id };
        foreach (var kv in src.ToList())
        {
            if (string.Equals(kv.Key, "id", StringComparison.OrdinalIgnoreCase)) continue;
            if (kv.Value is null) continue;
            src.Remove(kv.Key);
            o[kv.Key] = kv.Value;
        }
        return o;
    }

    /// <summary>Applies a JSON-Patch array (add/replace/remove; '/'-paths, leading '/' optional).</summary>
    public static string? ApplyPatch(JsonObject target, JsonArray ops)
    {
        foreach (var opNode in ops)
        {
            if (opNode is not JsonObject op) return "Each patch operation must be an object {op, path, value}.";
            var kind = (GetCI(op, "op", out _) as JsonValue)?.GetValue<string>()?.ToLowerInvariant();
            var path = (GetCI(op, "path", out _) as JsonValue)?.GetValue<string>();
            if (kind is not ("add" or "replace" or "remove")) return $"Unsupported patch op '{kind}'. Use add, replace or remove.";
            if (string.IsNullOrWhiteSpace(path)) return "Patch operation path is required.";
            var segs = path.Trim().TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segs.Length == 0) return "Patch operation path is required.";
            if (segs.Length == 1 && string.Equals(segs[0], "id", StringComparison.OrdinalIgnoreCase)) continue;
            var value = GetCI(op, "value", out _)?.DeepClone();
            JsonNode container = target;
            for (int i = 0; i < segs.Length - 1; i++)
            {
                JsonNode? next;
                if (container is JsonObject co)
                {
                    next = GetCI(co, segs[i], out var k);
                    if (next is null)
                    {
                        if (kind == "remove") return null;
                        co[k] = next = new JsonObject();
                    }
                }
                else if (container is JsonArray ca && int.TryParse(segs[i], out var ix) && ix >= 0 && ix < ca.Count) next = ca[ix]!;
                else return $"Patch path '{path}' does not exist.";
                container = next!;
            }
            var last = segs[^1];
            if (container is JsonObject obj)
            {
                GetCI(obj, last, out var key);
                if (kind == "remove") obj.Remove(key);
                else obj[key] = value;
            }
            else if (container is JsonArray arr)
            {
                if (last == "-" && kind == "add") arr.Add(value);
                else if (int.TryParse(last, out var ix) && ix >= 0 && ix <= arr.Count)
                {
                    if (kind == "add") arr.Insert(ix, value);
                    else if (ix >= arr.Count) return $"Patch path '{path}' does not exist.";
                    else if (kind == "remove") arr.RemoveAt(ix);
                    else arr[ix] = value;
                }
                else return $"Patch path '{path}' does not exist.";
            }
            else return $"Patch path '{path}' does not exist.";
        }
        return null;
    }
}
