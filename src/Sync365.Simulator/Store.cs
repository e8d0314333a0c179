using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sync365.Simulator;

/// <summary>One stored record: immutable UTF-8 JSON plus its id and (for child resources) parent id.</summary>
public sealed class Entity
{
    private JsonDocument? _doc;

    public Entity(int id, int parentId, byte[] json)
    {
        Id = id;
        ParentId = parentId;
        Json = json;
    }

    public int Id { get; }
    public int ParentId { get; }
    public byte[] Json { get; }

    /// <summary>Parsed view, created lazily and cached (the bytes never change).</summary>
    public JsonElement Root => (_doc ??= JsonDocument.Parse(Json)).RootElement;

    public JsonObject ToNode() => JsonNode.Parse(Json)!.AsObject();

    public static Entity FromNode(JsonObject node, int parentId)
    {
        int id = node["id"]?.GetValue<int>() ?? 0;
        return new Entity(id, parentId, JsonSerializer.SerializeToUtf8Bytes(node, JsonDefaults.NodeOptions));
    }
}

/// <summary>Rows of one resource type, ordered by id, with an id index and (for child resources) a parent index.</summary>
public sealed class Table
{
    public Table(string name, bool hasParent)
    {
        Name = name;
        if (hasParent) ByParent = new Dictionary<int, List<Entity>>();
    }

    public string Name { get; }
    public List<Entity> All { get; private set; } = new();
    public Dictionary<int, Entity> ById { get; private set; } = new();
    public Dictionary<int, List<Entity>>? ByParent { get; private set; }
    public int NextId { get; set; } = 1;

    public IReadOnlyList<Entity> Rows(int? parentId)
    {
        if (parentId is null || ByParent is null) return All;
        return ByParent.TryGetValue(parentId.Value, out var l) ? l : Array.Empty<Entity>();
    }

    public void Add(Entity e)
    {
        if (All.Count > 0 && All[^1].Id > e.Id)
        {
            int idx = BinarySearch(All, e.Id);
            All.Insert(~idx, e);
        }
        else All.Add(e);
        ById[e.Id] = e;
        if (ByParent is not null)
        {
            if (!ByParent.TryGetValue(e.ParentId, out var l)) ByParent[e.ParentId] = l = new List<Entity>();
            if (l.Count > 0 && l[^1].Id > e.Id) l.Insert(~BinarySearch(l, e.Id), e);
            else l.Add(e);
        }
        if (e.Id >= NextId) NextId = e.Id + 1;
    }

    public void Replace(Entity e)
    {
        var old = ById[e.Id];
        ById[e.Id] = e;
        All[BinarySearch(All, e.Id)] = e;
        if (ByParent is not null)
        {
            var l = ByParent[old.ParentId];
            l[BinarySearch(l, e.Id)] = e;
        }
    }

    public bool Remove(int id)
    {
        if (!ById.Remove(id, out var old)) return false;
        All.RemoveAt(BinarySearch(All, id));
        if (ByParent is not null && ByParent.TryGetValue(old.ParentId, out var l)) l.RemoveAt(BinarySearch(l, id));
        return true;
    }

    private static int BinarySearch(List<Entity> list, int id)
    {
        int lo = 0, hi = list.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            int c = list[mid].Id.CompareTo(id);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    public Table Clone()
    {
        var t = new Table(Name, ByParent is not null) { NextId = NextId };
        t.All = new List<Entity>(All);
        t.ById = new Dictionary<int, Entity>(ById);
        if (ByParent is not null)
        {
            t.ByParent = new Dictionary<int, List<Entity>>(ByParent.Count);
            foreach (var kv in ByParent) t.ByParent[kv.Key] = new List<Entity>(kv.Value);
        }
        return t;
    }
}

/// <summary>An API key pair and the member it belongs to.</summary>
public sealed record ApiKey(string CompanyId, string PublicKey, string PrivateKey, int MemberId);

/// <summary>The whole simulated database. Guard every access with <see cref="Lock"/>.</summary>
public sealed class DataSet
{
    public string CompanyId { get; set; } = "sync365demo";
    public string CompanyName { get; set; } = "Sync365 Demo MSP";
    public DataSet()
    {
        // Every known table exists from the start, so Table(name) never mutates a shared data set.
        foreach (var def in Resources.All) Tables[def.Table] = new Table(def.Table, def.ParentTable is not null);
    }

    public Dictionary<string, Table> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<ApiKey> ApiKeys { get; } = new();

    public Table Table(string name)
    {
        if (!Tables.TryGetValue(name, out var t))
        {
            var def = Resources.ByTable(name);
            Tables[name] = t = new Table(name, def?.ParentTable is not null);
        }
        return t;
    }

    public DataSet Clone()
    {
        var d = new DataSet { CompanyId = CompanyId, CompanyName = CompanyName };
        foreach (var kv in Tables) d.Tables[kv.Key] = kv.Value.Clone();
        d.ApiKeys.AddRange(ApiKeys);
        return d;
    }

    public void WriteExport(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("format", "sync365-simulator/1");
        w.WriteString("companyId", CompanyId);
        w.WriteString("companyName", CompanyName);
        w.WriteStartArray("apiKeys");
        foreach (var k in ApiKeys)
        {
            w.WriteStartObject();
            w.WriteString("companyId", k.CompanyId);
            w.WriteString("publicKey", k.PublicKey);
            w.WriteString("privateKey", k.PrivateKey);
            w.WriteNumber("memberId", k.MemberId);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("tables");
        foreach (var kv in Tables.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var t = kv.Value;
            w.WriteStartObject(kv.Key);
            w.WriteNumber("nextId", t.NextId);
            w.WriteStartArray("rows");
            foreach (var e in t.All) w.WriteRawValue(e.Json, skipInputValidation: true);
            w.WriteEndArray();
            if (t.ByParent is not null)
            {
                w.WriteStartArray("parentIds");
                foreach (var e in t.All) w.WriteNumberValue(e.ParentId);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static DataSet Import(Stream s)
    {
        using var doc = JsonDocument.Parse(s, new JsonDocumentOptions { MaxDepth = 256 });
        var root = doc.RootElement;
        var d = new DataSet
        {
            CompanyId = root.GetProperty("companyId").GetString()!,
            CompanyName = root.TryGetProperty("companyName", out var cn) ? cn.GetString() ?? "" : "",
        };
        foreach (var k in root.GetProperty("apiKeys").EnumerateArray())
            d.ApiKeys.Add(new ApiKey(k.GetProperty("companyId").GetString()!, k.GetProperty("publicKey").GetString()!, k.GetProperty("privateKey").GetString()!, k.GetProperty("memberId").GetInt32()));
        foreach (var tp in root.GetProperty("tables").EnumerateObject())
        {
            var t = d.Table(tp.Name);
            var rows = tp.Value.GetProperty("rows");
            int[]? parents = tp.Value.TryGetProperty("parentIds", out var pi) ? pi.EnumerateArray().Select(x => x.GetInt32()).ToArray() : null;
            int i = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(row);
                t.Add(new Entity(row.GetProperty("id").GetInt32(), parents?[i] ?? 0, bytes));
                i++;
            }
            t.NextId = Math.Max(t.NextId, tp.Value.GetProperty("nextId").GetInt32());
        }
        return d;
    }
}

internal static class JsonDefaults
{
    public static readonly JsonSerializerOptions NodeOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonWriterOptions Writer = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    public static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buf = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buf, Writer)) body(w);
        return buf.WrittenSpan.ToArray();
    }
}
