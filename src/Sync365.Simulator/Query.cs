using System.Text.Json;

namespace Sync365.Simulator;

/// <summary>orderBy: "name asc, id desc" (direction optional, any case).</summary>
internal sealed class OrderBy
{
    private readonly List<(string[] path, bool desc)> _keys = new();

    public bool IsEmpty => _keys.Count == 0;

    public static OrderBy Parse(string? text)
    {
        var o = new OrderBy();
        if (string.IsNullOrWhiteSpace(text)) return o;
        int pos = 0;
        foreach (var raw in text.Split(','))
        {
            var parts = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts.Length > 2)
                throw new QuerySyntaxException($"orderBy: invalid item '{raw.Trim()}' at position {pos}; expected 'field [asc|desc]'.", pos);
            bool desc = false;
            if (parts.Length == 2)
            {
                if (parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)) desc = true;
                else if (!parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase))
                    throw new QuerySyntaxException($"orderBy: unknown direction '{parts[1]}' at position {pos}; expected asc or desc.", pos);
            }
            var path = parts[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (path.Length == 0 || !path.All(s => s.All(c => char.IsLetterOrDigit(c) || c == '_')))
                throw new QuerySyntaxException($"orderBy: invalid field '{parts[0]}' at position {pos}.", pos);
            o._keys.Add((path, desc));
            pos += raw.Length + 1;
        }
        return o;
    }

    public int Compare(Entity a, Entity b)
    {
        var ra = a.Root;
        var rb = b.Root;
        foreach (var (path, desc) in _keys)
        {
            int c = CompareValues(JsonPath.First(ra, path), JsonPath.First(rb, path));
            if (c != 0) return desc ? -c : c;
        }
        return a.Id.CompareTo(b.Id);
    }

    private static int Rank(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => 0,
        JsonValueKind.False or JsonValueKind.True => 1,
        JsonValueKind.Number => 2,
        JsonValueKind.String => 3,
        _ => 4,
    };

    private static int CompareValues(JsonElement x, JsonElement y)
    {
        int rx = Rank(x), ry = Rank(y);
        if (rx != ry) return rx.CompareTo(ry);
        return rx switch
        {
            1 => (x.ValueKind == JsonValueKind.True).CompareTo(y.ValueKind == JsonValueKind.True),
            2 => x.GetDouble().CompareTo(y.GetDouble()),
            3 => Sql.Compare(x.GetString()!, y.GetString()!),
            _ => 0,
        };
    }
}

/// <summary>fields=id,name,company/id — a projection tree.</summary>
internal sealed class FieldSet
{
    private readonly Dictionary<string, FieldSet?> _children = new(StringComparer.OrdinalIgnoreCase);

    public static FieldSet? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var root = new FieldSet();
        foreach (var raw in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var path = raw.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var node = root;
            for (int i = 0; i < path.Length; i++)
            {
                bool last = i == path.Length - 1;
                if (node._children.TryGetValue(path[i], out var child))
                {
                    if (child is null) break; // whole value already selected
                    if (last) { node._children[path[i]] = null; break; }
                    node = child;
                }
                else if (last) node._children[path[i]] = null;
                else
                {
                    var n = new FieldSet();
                    node._children[path[i]] = n;
                    node = n;
                }
            }
        }
        return root._children.Count == 0 ? null : root;
    }

    public void Write(Utf8JsonWriter w, JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            w.WriteStartArray();
            foreach (var item in e.EnumerateArray()) Write(w, item);
            w.WriteEndArray();
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) { e.WriteTo(w); return; }
        w.WriteStartObject();
        foreach (var p in e.EnumerateObject())
        {
            if (!_children.TryGetValue(p.Name, out var child)) continue;
            w.WritePropertyName(p.Name);
            if (child is null) p.Value.WriteTo(w);
            else child.Write(w, p.Value);
        }
        w.WriteEndObject();
    }
}
