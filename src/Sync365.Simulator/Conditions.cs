using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sync365.Simulator;

/// <summary>A syntax error in a conditions / orderBy / fields string. Position is 0-based.</summary>
public sealed class QuerySyntaxException(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}

/// <summary>A parsed ConnectWise condition expression, evaluated against an entity's JSON.</summary>
public abstract class Condition
{
    public abstract bool Matches(JsonElement entity);

    /// <summary>First path segment of every field the expression mentions.</summary>
    internal virtual void CollectRoots(HashSet<string> roots) { }

    /// <summary>The same expression with the first path segment removed (to evaluate against one child item).</summary>
    internal virtual Condition StripRoot() => this;

    /// <summary>
    /// childConditions semantics: when every field starts with the same array property (communicationItems/...),
    /// the whole expression must hold for one item of that array. Otherwise it is a plain condition.
    /// </summary>
    /// <summary>customFieldConditions: the expression must hold for one item of the named array.</summary>
    internal Func<JsonElement, bool> AsArrayItemPredicate(string arrayName) => e =>
    {
        if (!JsonPath.TryGetPropertyCI(e, arrayName, out var arr) || arr.ValueKind != JsonValueKind.Array) return false;
        foreach (var item in arr.EnumerateArray())
            if (Matches(item)) return true;
        return false;
    };

    internal Func<JsonElement, bool> AsChildPredicate()
    {
        if (this is True) return static _ => true;
        var roots = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CollectRoots(roots);
        if (roots.Count != 1) return Matches;
        var root = roots.First();
        var inner = StripRoot();
        return e =>
        {
            if (JsonPath.TryGetPropertyCI(e, root, out var arr) && arr.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in arr.EnumerateArray())
                    if (inner.Matches(item)) return true;
                return false;
            }
            return Matches(e);
        };
    }

    /// <summary>Parses a conditions string. Null/blank → a condition that matches everything.</summary>
    public static Condition Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return True.Instance;
        var p = new ConditionParser(text);
        return p.ParseAll();
    }

    internal sealed class True : Condition
    {
        public static readonly True Instance = new();
        public override bool Matches(JsonElement entity) => true;
    }
}

internal enum TokKind { Ident, String, Number, DateTime, LParen, RParen, Comma, Op, End }

internal readonly record struct Token(TokKind Kind, string Text, int Pos);

internal enum LitKind { String, Number, Bool, Null, DateTime }

internal readonly record struct Literal(LitKind Kind, string Text, double Number, bool Bool, DateTimeOffset Date)
{
    public override string ToString() => Text;
}

internal sealed class ConditionParser
{
    private readonly string _s;
    private readonly List<Token> _toks = new();
    private int _i;

    public ConditionParser(string s)
    {
        _s = s;
        Tokenize();
    }

    private Token Peek => _toks[_i];
    private Token Next() => _toks[_i++];

    private static bool IsIdentStart(char c) => char.IsLetter(c) || c == '_';
    private static bool IsIdentPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '/' || c == '.';

    private void Tokenize()
    {
        int i = 0;
        while (i < _s.Length)
        {
            char c = _s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int start = i;
            switch (c)
            {
                case '(': _toks.Add(new(TokKind.LParen, "(", i++)); continue;
                case ')': _toks.Add(new(TokKind.RParen, ")", i++)); continue;
                case ',': _toks.Add(new(TokKind.Comma, ",", i++)); continue;
                case '"':
                case '\'':
                    _toks.Add(new(TokKind.String, ReadString(ref i, c), start));
                    continue;
                case '[':
                    {
                        int end = _s.IndexOf(']', i + 1);
                        if (end < 0) throw new QuerySyntaxException($"Unterminated datetime literal starting at position {start}.", start);
                        _toks.Add(new(TokKind.DateTime, _s.Substring(i + 1, end - i - 1).Trim(), start));
                        i = end + 1;
                        continue;
                    }
                case '=': _toks.Add(new(TokKind.Op, "=", i++)); continue;
                case '!':
                    if (i + 1 < _s.Length && _s[i + 1] == '=') { _toks.Add(new(TokKind.Op, "!=", i)); i += 2; continue; }
                    throw new QuerySyntaxException($"Unexpected character '!' at position {i}.", i);
                case '<':
                    if (i + 1 < _s.Length && _s[i + 1] == '=') { _toks.Add(new(TokKind.Op, "<=", i)); i += 2; continue; }
                    if (i + 1 < _s.Length && _s[i + 1] == '>') { _toks.Add(new(TokKind.Op, "!=", i)); i += 2; continue; }
                    _toks.Add(new(TokKind.Op, "<", i++)); continue;
                case '>':
                    if (i + 1 < _s.Length && _s[i + 1] == '=') { _toks.Add(new(TokKind.Op, ">=", i)); i += 2; continue; }
                    _toks.Add(new(TokKind.Op, ">", i++)); continue;
            }
            if (char.IsDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < _s.Length && char.IsDigit(_s[i + 1])))
            {
                i++;
                while (i < _s.Length && (char.IsDigit(_s[i]) || _s[i] == '.' || _s[i] == 'e' || _s[i] == 'E')) i++;
                _toks.Add(new(TokKind.Number, _s[start..i], start));
                continue;
            }
            if (IsIdentStart(c))
            {
                i++;
                while (i < _s.Length && IsIdentPart(_s[i])) i++;
                _toks.Add(new(TokKind.Ident, _s[start..i], start));
                continue;
            }
            throw new QuerySyntaxException($"Unexpected character '{c}' at position {i}.", i);
        }
        _toks.Add(new(TokKind.End, "", _s.Length));
    }

    // Inside a quoted string: a doubled quote ("" or '') stands for one quote; a backslash escapes the
    // quote character or another backslash; any other backslash is literal.
    private string ReadString(ref int i, char quote)
    {
        int start = i;
        i++;
        var sb = new StringBuilder();
        while (i < _s.Length)
        {
            char c = _s[i];
            if (c == '\\' && i + 1 < _s.Length && (_s[i + 1] == quote || _s[i + 1] == '\\'))
            {
                // "\" followed by the closing quote at the very end is treated as an escaped quote only if
                // another quote follows later; otherwise the backslash is literal and the quote closes.
                if (_s[i + 1] == quote && _s.IndexOf(quote, i + 2) < 0) { sb.Append('\\'); i += 2; return sb.ToString(); }
                sb.Append(_s[i + 1]);
                i += 2;
                continue;
            }
            if (c == quote)
            {
                if (i + 1 < _s.Length && _s[i + 1] == quote) { sb.Append(quote); i += 2; continue; }
                i++;
                return sb.ToString();
            }
            sb.Append(c);
            i++;
        }
        throw new QuerySyntaxException($"Unterminated string literal starting at position {start}.", start);
    }

    private static bool IsKw(Token t, string kw) => t.Kind == TokKind.Ident && string.Equals(t.Text, kw, StringComparison.OrdinalIgnoreCase);

    public Condition ParseAll()
    {
        var c = ParseOr();
        if (Peek.Kind != TokKind.End)
            throw new QuerySyntaxException($"Unexpected '{Peek.Text}' at position {Peek.Pos}; expected 'and', 'or' or the end of the conditions.", Peek.Pos);
        return c;
    }

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (IsKw(Peek, "or")) { Next(); left = new OrCond(left, ParseAnd()); }
        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseUnary();
        while (IsKw(Peek, "and")) { Next(); left = new AndCond(left, ParseUnary()); }
        return left;
    }

    private Condition ParseUnary()
    {
        var t = Peek;
        if (IsKw(t, "not")) { Next(); return new NotCond(ParseUnary()); }
        if (t.Kind == TokKind.LParen)
        {
            Next();
            var inner = ParseOr();
            if (Peek.Kind != TokKind.RParen) throw new QuerySyntaxException($"Expected ')' at position {Peek.Pos}.", Peek.Pos);
            Next();
            return inner;
        }
        return ParseComparison();
    }

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "not", "like", "contains", "in", "true", "false", "null" };

    private Condition ParseComparison()
    {
        var t = Next();
        if (t.Kind != TokKind.Ident || Reserved.Contains(t.Text))
            throw new QuerySyntaxException($"Expected a field name at position {t.Pos} but found '{(t.Kind == TokKind.End ? "end of conditions" : t.Text)}'.", t.Pos);
        string[] path = t.Text.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.Length == 0) throw new QuerySyntaxException($"Invalid field name at position {t.Pos}.", t.Pos);
        bool negate = false;
        var op = Next();
        if (IsKw(op, "not")) { negate = true; op = Next(); }
        Condition c;
        if (op.Kind == TokKind.Op && !negate)
            c = new CompareCond(path, op.Text, ParseLiteral());
        else if (IsKw(op, "like"))
            c = new LikeCond(path, ExpectString(ParseLiteral(), op), false);
        else if (IsKw(op, "contains"))
            c = new LikeCond(path, ExpectString(ParseLiteral(), op), true);
        else if (IsKw(op, "in"))
        {
            var lp = Next();
            if (lp.Kind != TokKind.LParen) throw new QuerySyntaxException($"Expected '(' after 'in' at position {lp.Pos}.", lp.Pos);
            var items = new List<Literal>();
            if (Peek.Kind != TokKind.RParen)
            {
                items.Add(ParseLiteral());
                while (Peek.Kind == TokKind.Comma) { Next(); items.Add(ParseLiteral()); }
            }
            var rp = Next();
            if (rp.Kind != TokKind.RParen) throw new QuerySyntaxException($"Expected ',' or ')' at position {rp.Pos}.", rp.Pos);
            c = new InCond(path, items);
        }
        else
            throw new QuerySyntaxException($"Expected an operator (=, !=, <, <=, >, >=, like, contains, in, not) after '{t.Text}' at position {op.Pos} but found '{(op.Kind == TokKind.End ? "end of conditions" : op.Text)}'.", op.Pos);
        return negate ? new NotCond(c) : c;
    }

    private static Literal ExpectString(Literal l, Token op)
    {
        if (l.Kind == LitKind.Null) throw new QuerySyntaxException($"'{op.Text}' needs a string value (position {op.Pos}).", op.Pos);
        return l;
    }

    private Literal ParseLiteral()
    {
        var t = Next();
        switch (t.Kind)
        {
            case TokKind.String: return new Literal(LitKind.String, t.Text, 0, false, default);
            case TokKind.Number:
                if (!double.TryParse(t.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    throw new QuerySyntaxException($"Invalid number '{t.Text}' at position {t.Pos}.", t.Pos);
                return new Literal(LitKind.Number, t.Text, d, false, default);
            case TokKind.DateTime:
                if (!DateTimeOffset.TryParse(t.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
                    throw new QuerySyntaxException($"Invalid datetime '[{t.Text}]' at position {t.Pos}.", t.Pos);
                return new Literal(LitKind.DateTime, t.Text, 0, false, dt);
            case TokKind.Ident:
                if (IsKw(t, "true")) return new Literal(LitKind.Bool, "true", 0, true, default);
                if (IsKw(t, "false")) return new Literal(LitKind.Bool, "false", 0, false, default);
                if (IsKw(t, "null")) return new Literal(LitKind.Null, "null", 0, false, default);
                break;
        }
        throw new QuerySyntaxException($"Expected a value (string, number, true/false, null or [datetime]) at position {t.Pos} but found '{(t.Kind == TokKind.End ? "end of conditions" : t.Text)}'.", t.Pos);
    }
}

internal sealed class AndCond(Condition a, Condition b) : Condition
{
    public override bool Matches(JsonElement e) => a.Matches(e) && b.Matches(e);
    internal override void CollectRoots(HashSet<string> r) { a.CollectRoots(r); b.CollectRoots(r); }
    internal override Condition StripRoot() => new AndCond(a.StripRoot(), b.StripRoot());
}

internal sealed class OrCond(Condition a, Condition b) : Condition
{
    public override bool Matches(JsonElement e) => a.Matches(e) || b.Matches(e);
    internal override void CollectRoots(HashSet<string> r) { a.CollectRoots(r); b.CollectRoots(r); }
    internal override Condition StripRoot() => new OrCond(a.StripRoot(), b.StripRoot());
}

internal sealed class NotCond(Condition a) : Condition
{
    public override bool Matches(JsonElement e) => !a.Matches(e);
    internal override void CollectRoots(HashSet<string> r) => a.CollectRoots(r);
    internal override Condition StripRoot() => new NotCond(a.StripRoot());
}

/// <summary>Every property name seen in stored data, by lower-case spelling (so lookups can be exact).</summary>
internal static class FieldNames
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase);

    public static bool TryCanonical(string name, out string canonical)
    {
        if (Names.TryGetValue(name, out var c)) { canonical = c; return true; }
        canonical = name;
        return false;
    }

    /// <summary>Plain case-insensitive lookup (for request bodies, whose spelling is the caller's).</summary>
    public static bool TryGetAnyCase(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object)
            foreach (var p in obj.EnumerateObject())
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        value = default;
        return false;
    }

    /// <summary>Records the property names of an entity (recursively).</summary>
    public static void Register(JsonElement e, int depth = 0)
    {
        if (depth > 6) return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) { Register(item, depth + 1); break; }
            return;
        }
        if (e.ValueKind != JsonValueKind.Object) return;
        foreach (var p in e.EnumerateObject())
        {
            Names.TryAdd(p.Name, p.Name);
            if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) Register(p.Value, depth + 1);
        }
    }
}

internal static class JsonPath
{
    /// <summary>
    /// Case-insensitive property lookup. The name is first mapped to the stored spelling through
    /// <see cref="FieldNames"/>; then one forward scan with exact (allocation-free) comparison. Only names never seen
    /// in stored data fall back to a case-insensitive scan.
    /// </summary>
    public static bool TryGetPropertyCI(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind != JsonValueKind.Object) { value = default; return false; }
        bool known = FieldNames.TryCanonical(name, out var canonical);
        foreach (var p in obj.EnumerateObject())
            if (p.NameEquals(canonical)) { value = p.Value; return true; }
        if (!known)
            foreach (var p in obj.EnumerateObject())
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        value = default;
        return false;
    }

    /// <summary>Collects the values at a '/'-path; arrays along the way are expanded (any-element semantics).</summary>
    public static void Collect(JsonElement e, string[] path, int index, List<JsonElement> into)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray()) Collect(item, path, index, into);
            return;
        }
        if (index == path.Length) { into.Add(e); return; }
        if (TryGetPropertyCI(e, path[index], out var child)) Collect(child, path, index + 1, into);
    }

    /// <summary>First value at a path, or Undefined.</summary>
    public static JsonElement First(JsonElement e, string[] path)
    {
        var cur = e;
        foreach (var seg in path)
        {
            if (cur.ValueKind == JsonValueKind.Array)
            {
                using var en = cur.EnumerateArray();
                if (!en.MoveNext()) return default;
                cur = en.Current;
            }
            if (!TryGetPropertyCI(cur, seg, out cur)) return default;
        }
        return cur;
    }

    [ThreadStatic] private static List<JsonElement>? _buffer;

    public static List<JsonElement> Values(JsonElement e, string[] path)
    {
        var list = _buffer ??= new List<JsonElement>(4);
        list.Clear();
        Collect(e, path, 0, list);
        return list;
    }
}

internal abstract class FieldCond(string[] path) : Condition
{
    protected string[] Path { get; } = path;

    internal override void CollectRoots(HashSet<string> roots) => roots.Add(Path[0]);

    internal override Condition StripRoot() => Path.Length > 1 ? WithPath(Path[1..]) : this;

    protected abstract Condition WithPath(string[] path);

    public override bool Matches(JsonElement e)
    {
        var values = JsonPath.Values(e, Path);
        // Copy: nested evaluation may reuse the thread-static buffer.
        int n = values.Count;
        if (n == 0) return MatchesMissing();
        if (n == 1) return MatchesValue(values[0]);
        var copy = values.ToArray();
        foreach (var v in copy)
            if (MatchesValue(v)) return true;
        return false;
    }

    protected abstract bool MatchesMissing();
    protected abstract bool MatchesValue(JsonElement v);

    private static bool LooksLikeDate(string s) =>
        s.Length >= 10 && char.IsDigit(s[0]) && char.IsDigit(s[1]) && char.IsDigit(s[2]) && char.IsDigit(s[3]) && s[4] == '-' && s[7] == '-';

    internal static string? AsText(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>Compares an entity value with a literal; null when they are not comparable. Strings compare case-insensitively.</summary>
    internal static int? Compare(JsonElement v, Literal lit)
    {
        switch (lit.Kind)
        {
            case LitKind.Number:
                if (v.ValueKind == JsonValueKind.Number) return v.GetDouble().CompareTo(lit.Number);
                if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var dv)) return dv.CompareTo(lit.Number);
                return null;
            case LitKind.Bool:
                if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return (v.ValueKind == JsonValueKind.True).CompareTo(lit.Bool);
                if (v.ValueKind == JsonValueKind.String && bool.TryParse(v.GetString(), out var bv)) return bv.CompareTo(lit.Bool);
                return null;
            case LitKind.DateTime:
                if (v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
                    return dt.CompareTo(lit.Date);
                return null;
            case LitKind.String:
                switch (v.ValueKind)
                {
                    case JsonValueKind.String:
                        {
                            var sv = v.GetString()!;
                            // Like SQL Server's implicit conversion: two date-looking strings compare as dates.
                            if (LooksLikeDate(sv) && LooksLikeDate(lit.Text)
                                && DateTimeOffset.TryParse(sv, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d1)
                                && DateTimeOffset.TryParse(lit.Text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d2))
                                return d1.CompareTo(d2);
                            return Sql.Compare(sv, lit.Text);
                        }
                    case JsonValueKind.Number:
                        if (double.TryParse(lit.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ln)) return v.GetDouble().CompareTo(ln);
                        return Sql.Compare(v.GetRawText(), lit.Text);
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                        if (bool.TryParse(lit.Text, out var lb)) return (v.ValueKind == JsonValueKind.True).CompareTo(lb);
                        return null;
                }
                return null;
        }
        return null;
    }
}

/// <summary>SQL Server style case-insensitive string semantics (trailing spaces ignored in equality/ordering).</summary>
internal static class Sql
{
    public static int Compare(string a, string b) =>
        string.Compare(a.TrimEnd(' '), b.TrimEnd(' '), CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    /// <summary>LIKE with % (any run) and _ (one character), case-insensitive.</summary>
    public static bool Like(string text, string pattern) => LikeAt(text, 0, pattern, 0);

    private static bool LikeAt(string t, int ti, string p, int pi)
    {
        while (pi < p.Length)
        {
            char pc = p[pi];
            if (pc == '%')
            {
                while (pi < p.Length && p[pi] == '%') pi++;
                if (pi == p.Length) return true;
                for (int k = ti; k <= t.Length; k++)
                    if (LikeAt(t, k, p, pi)) return true;
                return false;
            }
            if (ti >= t.Length) return false;
            if (pc != '_' && char.ToUpperInvariant(pc) != char.ToUpperInvariant(t[ti])) return false;
            ti++;
            pi++;
        }
        return ti == t.Length;
    }
}

internal sealed class CompareCond(string[] path, string op, Literal lit) : FieldCond(path)
{
    protected override Condition WithPath(string[] p) => new CompareCond(p, op, lit);

    // SQL semantics: a missing/null value only satisfies "= null"; "!= x" is false for null.
    protected override bool MatchesMissing() => lit.Kind == LitKind.Null && op == "=";

    protected override bool MatchesValue(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return MatchesMissing();
        if (lit.Kind == LitKind.Null) return op == "!=";
        var c = Compare(v, lit);
        if (c is null) return false;
        int r = c.Value;
        return op switch
        {
            "=" => r == 0,
            "!=" => r != 0,
            "<" => r < 0,
            "<=" => r <= 0,
            ">" => r > 0,
            ">=" => r >= 0,
            _ => false,
        };
    }
}

internal sealed class LikeCond(string[] path, Literal lit, bool contains) : FieldCond(path)
{
    private readonly string _pattern = lit.Text;

    protected override Condition WithPath(string[] p) => new LikeCond(p, lit, contains);

    protected override bool MatchesMissing() => false;

    protected override bool MatchesValue(JsonElement v)
    {
        var s = AsText(v);
        if (s is null) return false;
        if (contains) return s.Contains(_pattern, StringComparison.OrdinalIgnoreCase);
        return Sql.Like(s, _pattern);
    }
}

internal sealed class InCond(string[] path, List<Literal> items) : FieldCond(path)
{
    protected override Condition WithPath(string[] p) => new InCond(p, items);

    protected override bool MatchesMissing() => items.Exists(i => i.Kind == LitKind.Null);

    protected override bool MatchesValue(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Null) return MatchesMissing();
        foreach (var lit in items)
            if (lit.Kind != LitKind.Null && Compare(v, lit) == 0) return true;
        return false;
    }
}
