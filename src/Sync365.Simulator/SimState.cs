using System.Text;
using System.Text.Json;

namespace Sync365.Simulator;

/// <summary>An authenticated API member and its security levels per module function.</summary>
internal sealed class Caller
{
    public required int MemberId { get; init; }
    public required string Identifier { get; init; }
    public required int RoleId { get; init; }
    /// <summary>"Module/Function" → [add, edit, delete, inquire] levels (None|My|All).</summary>
    public required Dictionary<string, string[]> Levels { get; init; }

    public bool Allows(SecurityFunction f, string method)
    {
        if (!Levels.TryGetValue(f.Key, out var l)) return false;
        int i = method switch { "POST" => 0, "PUT" or "PATCH" => 1, "DELETE" => 2, _ => 3 };
        return !string.Equals(l[i], "None", StringComparison.OrdinalIgnoreCase);
    }

    public static string LevelName(string method) => method switch { "POST" => "Add", "PUT" or "PATCH" => "Edit", "DELETE" => "Delete", _ => "Inquire" };
}

/// <summary>Public key → key pair + caller, rebuilt whenever the data set is replaced.</summary>
internal sealed class AuthIndex
{
    private readonly Dictionary<string, (ApiKey key, Caller caller)> _byPublic = new(StringComparer.Ordinal);
    private readonly string _companyId;

    private AuthIndex(string companyId) => _companyId = companyId;

    public static AuthIndex Build(DataSet d)
    {
        var idx = new AuthIndex(d.CompanyId);
        var members = d.Table("members");
        var settings = d.Table("securityRoleSettings");
        foreach (var k in d.ApiKeys)
        {
            if (!members.ById.TryGetValue(k.MemberId, out var m)) continue;
            var root = m.Root;
            int roleId = root.TryGetProperty("securityRole", out var sr) && sr.TryGetProperty("id", out var rid) ? rid.GetInt32() : 0;
            var levels = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var s in settings.Rows(roleId))
            {
                var r = s.Root;
                string Get(string n) => r.TryGetProperty(n, out var v) ? v.GetString() ?? "None" : "None";
                levels[Get("moduleName") + "/" + Get("moduleFunctionDescription")] =
                    new[] { Get("addLevel"), Get("editLevel"), Get("deleteLevel"), Get("inquireLevel") };
            }
            idx._byPublic[k.PublicKey] = (k, new Caller
            {
                MemberId = k.MemberId,
                Identifier = root.TryGetProperty("identifier", out var ident) ? ident.GetString() ?? "" : "",
                RoleId = roleId,
                Levels = levels,
            });
        }
        return idx;
    }

    /// <summary>Checks "Basic base64(company+public:private)". Null when the header is missing or wrong.</summary>
    public Caller? Authenticate(string? header)
    {
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return null;
        string text;
        try { text = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim())); }
        catch (FormatException) { return null; }
        int colon = text.IndexOf(':');
        if (colon < 0) return null;
        var user = text[..colon];
        var priv = text[(colon + 1)..];
        int plus = user.IndexOf('+');
        if (plus < 0) return null;
        if (!string.Equals(user[..plus], _companyId, StringComparison.OrdinalIgnoreCase)) return null;
        if (!_byPublic.TryGetValue(user[(plus + 1)..], out var e)) return null;
        return string.Equals(e.key.PrivateKey, priv, StringComparison.Ordinal) ? e.caller : null;
    }
}

/// <summary>All mutable simulator state: data (behind a reader/writer lock), stats and faults.</summary>
internal sealed class SimState
{
    private readonly DataSet _initial;

    public SimState(SimulatorOptions options, DataSet initial)
    {
        Options = options;
        _initial = initial;
        Data = initial.Clone();
        Auth = AuthIndex.Build(Data);
        Faults.Set(FaultSettings.From(options));
        RegisterFieldNames(Data);
    }

    /// <summary>Learns the stored spelling of field names from a sample of every table.</summary>
    internal static void RegisterFieldNames(DataSet d)
    {
        foreach (var t in d.Tables.Values)
        {
            int n = 0;
            foreach (var e in t.All)
            {
                FieldNames.Register(e.Root);
                if (++n == 50) break;
            }
        }
    }

    public SimulatorOptions Options { get; }
    public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.NoRecursion);
    public DataSet Data { get; private set; }
    public AuthIndex Auth { get; private set; }
    public Stats Stats { get; } = new();
    public FaultEngine Faults { get; } = new();

    /// <summary>Restores the scenario's initial data, zeroes stats and restores the start-up fault settings.</summary>
    public void Reset()
    {
        Lock.EnterWriteLock();
        try
        {
            Data = _initial.Clone();
            Auth = AuthIndex.Build(Data);
        }
        finally { Lock.ExitWriteLock(); }
        Stats.Clear();
        Faults.Set(FaultSettings.From(Options));
    }

    /// <summary>Replaces the current data (POST /_sim/import). Reset still returns to the scenario's initial data.</summary>
    public void Load(DataSet d)
    {
        Lock.EnterWriteLock();
        try
        {
            Data = d;
            Auth = AuthIndex.Build(Data);
        }
        finally { Lock.ExitWriteLock(); }
        RegisterFieldNames(d);
    }

    public byte[] Export()
    {
        Lock.EnterReadLock();
        try
        {
            var buf = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
            using (var w = new Utf8JsonWriter(buf, JsonDefaults.Writer)) Data.WriteExport(w);
            return buf.WrittenSpan.ToArray();
        }
        finally { Lock.ExitReadLock(); }
    }
}
