using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sync365.Simulator;

/// <summary>Builds ConnectWise reference objects ({id, name, _info}) from stored entities.</summary>
internal static class Refs
{
    public const string HrefBase = "https://api-na.myconnectwise.net/v4_6_release/apis/3.0";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static JsonObject Build(string table, Entity entity)
    {
        var e = entity.Root;
        var def = Resources.ByTable(table);
        var o = new JsonObject { ["id"] = entity.Id };
        string hrefName;
        switch (table)
        {
            case "companies":
                o["identifier"] = Str(e, "identifier");
                o["name"] = Str(e, "name");
                hrefName = "company_href";
                break;
            case "contacts":
                o["name"] = ((Str(e, "firstName") ?? "") + " " + (Str(e, "lastName") ?? "")).Trim();
                hrefName = "contact_href";
                break;
            case "catalog":
                o["identifier"] = Str(e, "identifier");
                hrefName = "product_href";
                break;
            case "members":
                o["identifier"] = Str(e, "identifier");
                o["name"] = ((Str(e, "firstName") ?? "") + " " + (Str(e, "lastName") ?? "")).Trim();
                hrefName = "member_href";
                break;
            case "priorities":
                o["name"] = Str(e, "name");
                if (e.TryGetProperty("sortOrder", out var so) && so.ValueKind == JsonValueKind.Number) o["sort"] = so.GetInt32();
                hrefName = "priority_href";
                break;
            case "agreementTypes":
                o["name"] = Str(e, "name");
                hrefName = "type_href";
                break;
            default:
                o["name"] = Str(e, "name");
                hrefName = (def?.ResourceName ?? table) + "_href";
                break;
        }
        if (def is not null && def.ParentTable is null)
            o["_info"] = new JsonObject { [hrefName] = HrefBase + def.Template + "/" + entity.Id };
        return o;
    }
}
