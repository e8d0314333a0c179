namespace Sync365.Simulator;

/// <summary>A security-role module function (UI names: module "Finance", function "Agreements").</summary>
public sealed record SecurityFunction(string ModuleName, string FunctionDescription, string ModuleIdentifier, string FunctionIdentifier, int SortOrder)
{
    public static readonly SecurityFunction CompanyMaintenance = new("Companies", "Company Maintenance", "Company", "Company_Maintenance", 1);
    public static readonly SecurityFunction Contacts = new("Companies", "Contacts", "Company", "Contacts", 2);
    public static readonly SecurityFunction Configurations = new("Companies", "Configurations", "Company", "Configurations", 3);
    public static readonly SecurityFunction AgreementInvoicing = new("Finance", "Agreement Invoicing", "Finance", "Agreement_Invoicing", 1);
    public static readonly SecurityFunction Agreements = new("Finance", "Agreements", "Finance", "Agreements", 2);
    public static readonly SecurityFunction Invoicing = new("Finance", "Invoicing", "Finance", "Invoicing", 3);
    public static readonly SecurityFunction ProductCatalog = new("Procurement", "Product Catalog", "Procurement", "Product_Catalog", 1);
    public static readonly SecurityFunction Products = new("Procurement", "Products", "Procurement", "Products", 2);
    public static readonly SecurityFunction ServiceTickets = new("Service Desk", "Service Tickets", "Service", "Service_Tickets", 1);
    public static readonly SecurityFunction MemberMaintenance = new("System", "Member Maintenance", "System", "Member_Maintenance", 1);
    public static readonly SecurityFunction SecurityRoles = new("System", "Security Roles", "System", "Security_Roles", 2);
    public static readonly SecurityFunction TableSetup = new("System", "Table Setup", "System", "Table_Setup", 3);

    public static readonly SecurityFunction[] All =
    {
        CompanyMaintenance, Contacts, Configurations, AgreementInvoicing, Agreements, Invoicing,
        ProductCatalog, Products, ServiceTickets, MemberMaintenance, SecurityRoles, TableSetup,
    };

    public string Key => ModuleName + "/" + FunctionDescription;
}

/// <summary>One REST collection: its route template, storage table, model and security function.</summary>
public sealed class ResourceDef
{
    public required string Table { get; init; }
    /// <summary>Collection template without codebase prefix, e.g. /finance/agreements/{parentId}/additions.</summary>
    public required string Template { get; init; }
    public required string Model { get; init; }
    /// <summary>Resource name used in error bodies (e.g. "agreement").</summary>
    public required string ResourceName { get; init; }
    public SecurityFunction? Security { get; init; }
    public string? ParentTable { get; init; }
    /// <summary>Field of the child that holds the parent id (agreementId); null when the model has none.</summary>
    public string? ParentField { get; init; }
    public string[] Required { get; init; } = Array.Empty<string>();
    public string[] BundleNames { get; init; } = Array.Empty<string>();
    public bool ReadOnly { get; init; }
    /// <summary>Reference fields: field name → table the id refers to.</summary>
    public Dictionary<string, string> References { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    internal string[] Segments => _segments ??= Template.Trim('/').Split('/');
    private string[]? _segments;
}

public static class Resources
{
    public static readonly ResourceDef[] All =
    {
        new() { Table = "companies", Template = "/company/companies", Model = "Company", ResourceName = "company", Security = SecurityFunction.CompanyMaintenance,
            Required = new[] { "identifier", "name" }, BundleNames = new[] { "company", "companies" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["defaultContact"] = "contacts", ["parentCompany"] = "companies", ["billToCompany"] = "companies", ["billingContact"] = "contacts" } },
        new() { Table = "contacts", Template = "/company/contacts", Model = "Contact", ResourceName = "contact", Security = SecurityFunction.Contacts,
            Required = new[] { "firstName" }, BundleNames = new[] { "contact", "contacts" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["company"] = "companies" } },
        new() { Table = "agreementTypes", Template = "/finance/agreements/types", Model = "AgreementType", ResourceName = "agreementType", Security = SecurityFunction.TableSetup,
            Required = new[] { "name" }, BundleNames = new[] { "agreementtype", "agreementtypes", "type" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["sla"] = "slas" } },
        new() { Table = "agreements", Template = "/finance/agreements", Model = "Agreement", ResourceName = "agreement", Security = SecurityFunction.Agreements,
            Required = new[] { "name", "type", "company", "contact" }, BundleNames = new[] { "agreement", "agreements" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["type"] = "agreementTypes", ["company"] = "companies", ["contact"] = "contacts", ["parentAgreement"] = "agreements", ["billToCompany"] = "companies", ["billToContact"] = "contacts", ["sla"] = "slas" } },
        new() { Table = "additions", Template = "/finance/agreements/{parentId}/additions", Model = "Addition", ResourceName = "addition", Security = SecurityFunction.Agreements,
            ParentTable = "agreements", ParentField = "agreementId", Required = new[] { "product", "billCustomer" },
            BundleNames = new[] { "addition", "additions", "agreementaddition", "agreementadditions" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["product"] = "catalog" } },
        new() { Table = "adjustments", Template = "/finance/agreements/{parentId}/adjustments", Model = "AgreementAdjustment", ResourceName = "adjustment", Security = SecurityFunction.Agreements,
            ParentTable = "agreements", ParentField = "agreementId", Required = new[] { "amount" },
            BundleNames = new[] { "adjustment", "adjustments", "agreementadjustment", "agreementadjustments" } },
        new() { Table = "agreementSites", Template = "/finance/agreements/{parentId}/sites", Model = "AgreementSite", ResourceName = "agreementSite", Security = SecurityFunction.Agreements,
            ParentTable = "agreements", ParentField = "agreementId", Required = new[] { "company" },
            BundleNames = new[] { "agreementsite", "agreementsites" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["company"] = "companies" } },
        new() { Table = "invoices", Template = "/finance/invoices", Model = "Invoice", ResourceName = "invoice", Security = SecurityFunction.Invoicing,
            ReadOnly = true, BundleNames = new[] { "invoice", "invoices" } },
        new() { Table = "catalog", Template = "/procurement/catalog", Model = "CatalogItem", ResourceName = "catalogItem", Security = SecurityFunction.ProductCatalog,
            Required = new[] { "identifier", "description", "subcategory", "type", "customerDescription" },
            BundleNames = new[] { "catalogitem", "catalogitems", "catalog", "procurementcatalog" } },
        new() { Table = "products", Template = "/procurement/products", Model = "ProductItem", ResourceName = "productItem", Security = SecurityFunction.Products,
            Required = new[] { "catalogItem" }, BundleNames = new[] { "product", "products", "productitem", "productitems" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["catalogItem"] = "catalog", ["company"] = "companies", ["agreement"] = "agreements" } },
        new() { Table = "tickets", Template = "/service/tickets", Model = "Ticket", ResourceName = "ticket", Security = SecurityFunction.ServiceTickets,
            Required = new[] { "summary", "company" }, BundleNames = new[] { "ticket", "tickets", "serviceticket", "servicetickets" },
            References = new(StringComparer.OrdinalIgnoreCase) { ["board"] = "boards", ["company"] = "companies", ["contact"] = "contacts", ["priority"] = "priorities", ["agreement"] = "agreements", ["sla"] = "slas" } },
        new() { Table = "boards", Template = "/service/boards", Model = "Board", ResourceName = "board", Security = SecurityFunction.TableSetup,
            Required = new[] { "name", "location", "department" }, BundleNames = new[] { "board", "boards", "serviceboard", "serviceboards" } },
        new() { Table = "priorities", Template = "/service/priorities", Model = "Priority", ResourceName = "priority", Security = SecurityFunction.TableSetup,
            Required = new[] { "name", "color" }, BundleNames = new[] { "priority", "priorities" } },
        new() { Table = "slas", Template = "/service/SLAs", Model = "SLA", ResourceName = "sla", Security = SecurityFunction.TableSetup,
            Required = new[] { "name", "basedOn" }, BundleNames = new[] { "sla", "slas" } },
        new() { Table = "members", Template = "/system/members", Model = "Member", ResourceName = "member", ReadOnly = true,
            BundleNames = new[] { "member", "members" } },
        new() { Table = "securityRoles", Template = "/system/securityroles", Model = "SecurityRole", ResourceName = "securityRole", ReadOnly = true,
            BundleNames = new[] { "securityrole", "securityroles" } },
        new() { Table = "securityRoleSettings", Template = "/system/securityRoles/{parentId}/settings", Model = "SecurityRoleSetting", ResourceName = "securityRoleSetting", ReadOnly = true,
            ParentTable = "securityRoles", BundleNames = new[] { "securityrolesetting", "securityrolesettings" } },
    };

    private static readonly Dictionary<string, ResourceDef> ByTableName = All.ToDictionary(d => d.Table, StringComparer.OrdinalIgnoreCase);
    private static readonly Dictionary<string, ResourceDef> ByBundle = All.SelectMany(d => d.BundleNames.Select(n => (n, d))).ToDictionary(x => x.n, x => x.d, StringComparer.OrdinalIgnoreCase);

    public static ResourceDef? ByTable(string table) => ByTableName.GetValueOrDefault(table);

    /// <summary>Every (METHOD, template) the simulator serves below /{codebase}apis/3.0 (templates as counted in /_sim/stats).</summary>
    public static IReadOnlyList<(string Method, string Template)> ServedRoutes()
    {
        var list = new List<(string, string)> { ("GET", "/system/info"), ("GET", "/system/mySecurity"), ("POST", "/system/bundles") };
        foreach (var d in All)
        {
            list.Add(("GET", d.Template));
            list.Add(("GET", d.Template + "/count"));
            list.Add(("GET", d.Template + "/{id}"));
            if (!d.ReadOnly)
            {
                list.Add(("POST", d.Template));
                list.Add(("PUT", d.Template + "/{id}"));
                list.Add(("PATCH", d.Template + "/{id}"));
                list.Add(("DELETE", d.Template + "/{id}"));
            }
            if (d.Table == "members") list.Add(("GET", d.Template + "/{memberIdentifier}"));
        }
        return list;
    }

    /// <summary>Bundle resourceType → resource; case-insensitive, ignoring '_', '-' and spaces.</summary>
    public static ResourceDef? ByBundleName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = new string(name.Where(char.IsLetterOrDigit).ToArray());
        return ByBundle.GetValueOrDefault(n);
    }
}

internal enum RouteKind { List, Count, Item, Info, MySecurity, Bundles }

internal sealed record RouteMatch(RouteKind Kind, ResourceDef? Def, string Template, int? ParentId, int? Id, string? IdText);

internal static class Router
{
    /// <summary>Matches a path below apis/3.0 (e.g. /company/companies/5) case-insensitively.</summary>
    public static RouteMatch? Match(string path)
    {
        var segs = path.Trim('/').Split('/');
        if (segs.Length == 2 && Eq(segs[0], "system"))
        {
            if (Eq(segs[1], "info")) return new(RouteKind.Info, null, "/system/info", null, null, null);
            if (Eq(segs[1], "mySecurity")) return new(RouteKind.MySecurity, Resources.ByTable("securityRoleSettings"), "/system/mySecurity", null, null, null);
            if (Eq(segs[1], "bundles")) return new(RouteKind.Bundles, null, "/system/bundles", null, null, null);
        }
        foreach (var def in Resources.All)
        {
            var t = def.Segments;
            if (segs.Length < t.Length || segs.Length > t.Length + 1) continue;
            int? parentId = null;
            bool ok = true;
            for (int i = 0; i < t.Length && ok; i++)
            {
                if (t[i] == "{parentId}")
                {
                    if (int.TryParse(segs[i], out var p)) parentId = p; else ok = false;
                }
                else if (!Eq(t[i], segs[i])) ok = false;
            }
            if (!ok) continue;
            if (segs.Length == t.Length) return new(RouteKind.List, def, def.Template, parentId, null, null);
            var last = segs[^1];
            if (Eq(last, "count")) return new(RouteKind.Count, def, def.Template + "/count", parentId, null, null);
            if (int.TryParse(last, out var id)) return new(RouteKind.Item, def, def.Template + "/{id}", parentId, id, null);
            if (def.Table == "members" && last.Length > 0 && !Eq(last, "info"))
                return new(RouteKind.Item, def, def.Template + "/{memberIdentifier}", null, null, last);
        }
        return null;
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
