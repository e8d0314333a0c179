using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sync365.Simulator;

/// <summary>Deterministic data sets: demo, scale, empty (or a file saved by /_sim/export).</summary>
public static class Scenarios
{
    public const string DemoCompanyId = "sync365demo";
    public const string DemoCompanyName = "Sync365 Demo MSP";
    public const string FullPublicKey = "demopublic";
    public const string FullPrivateKey = "demoprivate";
    public const string LimitedPublicKey = "limitedpublic";
    public const string LimitedPrivateKey = "limitedprivate";
    public const string DemoClientId = "2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365";
    public const int FullMemberId = 1;
    public const int LimitedMemberId = 2;

    private static readonly Lazy<DataSet> CachedDemo = new(CachedDemoFactory);
    private static readonly Lazy<DataSet> CachedEmpty = new(CachedEmptyFactory);

    private static DataSet CachedDemoFactory()
    {
        var g = new Generator(365);
        g.Base();
        g.Catalog();
        g.Demo();
        return g.Data;
    }

    private static DataSet CachedEmptyFactory()
    {
        var g = new Generator(365);
        g.Base();
        return g.Data;
    }

    /// <summary>Builds (or returns the shared copy of) a scenario's initial data. Treat the result as read-only.</summary>
    public static DataSet Build(SimulatorOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.DataFile))
        {
            using var f = File.OpenRead(o.DataFile);
            return DataSet.Import(f);
        }
        var scenario = (o.Scenario ?? "demo").ToLowerInvariant();
        // demo and empty never change, and a running simulator only ever mutates a clone of its initial data set,
        // so one generated copy per process is shared by every host.
        if (scenario == "demo") return CachedDemo.Value;
        if (scenario == "empty") return CachedEmpty.Value;
        return Generate(o);
    }

    /// <summary>Always generates a fresh data set for the options' scenario (no cache).</summary>
    public static DataSet Generate(SimulatorOptions o)
    {
        var scenario = (o.Scenario ?? "demo").ToLowerInvariant();
        if (scenario == "demo") return CachedDemoFactory();
        if (scenario == "empty") return CachedEmptyFactory();
        var g = new Generator(o.Seed);
        switch (scenario)
        {
            case "scale":
                g.Base();
                g.Catalog();
                g.Scale(o.Companies, o.AgreementsPerCompany, o.AdditionsPerAgreement);
                break;
            default:
                throw new ArgumentException($"Unknown scenario '{o.Scenario}' (use demo, scale or empty).");
        }
        return g.Data;
    }
}

internal sealed class Generator
{
    private readonly Random _rng;
    public DataSet Data { get; } = new() { CompanyId = Scenarios.DemoCompanyId, CompanyName = Scenarios.DemoCompanyName };

    public Generator(int seed) => _rng = new Random(seed);

    private const string Stamp = "2026-11-20T09:30:00Z";
    private static string D(DateTime d) => d.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Info(string by = "S365", string when = Stamp) => new()
    {
        ["lastUpdated"] = when,
        ["updatedBy"] = by,
        ["dateEntered"] = "2024-03-01T12:00:00Z",
        ["enteredBy"] = "jsmith",
    };

    private static JsonObject IdName(int id, string name) => new() { ["id"] = id, ["name"] = name };

    private Entity Add(string table, JsonObject o, int parentId = 0)
    {
        var t = Data.Table(table);
        var e = Entity.FromNode(Ops.WithId(t.NextId, o), parentId);
        t.Add(e);
        return e;
    }

    private JsonObject Ref(string table, Entity e) => Refs.Build(table, e);

    // ------------------------------------------------------------------ security, members, table setup

    public void Base()
    {
        // Roles: 1 Admin (everything All), 2 Sync365 Limited (the seed table minus three rights).
        var admin = Add("securityRoles", new JsonObject { ["name"] = "Admin", ["roleType"] = "Admin", ["adminFlag"] = true, ["inactiveFlag"] = false, ["_info"] = Info("jsmith") });
        var limited = Add("securityRoles", new JsonObject { ["name"] = "Sync365 Limited", ["roleType"] = "Custom", ["adminFlag"] = false, ["inactiveFlag"] = false, ["_info"] = Info("jsmith") });
        foreach (var f in SecurityFunction.All) AddSetting(admin.Id, f, "All", "All", "All", "All");
        foreach (var f in SecurityFunction.All)
        {
            var (a, e, d, i) = f.FunctionDescription switch
            {
                "Company Maintenance" => ("None", "None", "None", "All"),
                "Contacts" => ("All", "All", "None", "All"),
                "Agreement Invoicing" => ("None", "None", "None", "All"),
                "Agreements" => ("All", "None", "None", "All"),          // missing: edit
                "Invoicing" => ("None", "None", "None", "All"),
                "Product Catalog" => ("None", "None", "None", "All"),
                "Products" => ("None", "None", "None", "None"),          // missing: inquire
                "Service Tickets" => ("None", "None", "None", "All"),    // missing: add
                "Table Setup" => ("None", "All", "None", "All"),
                _ => ("None", "None", "None", "None"),
            };
            AddSetting(limited.Id, f, a, e, d, i);
        }

        var adminRef = Ref("securityRoles", admin);
        var limitedRef = Ref("securityRoles", limited);
        Add("members", Member("S365", "Sync", "365", "A", adminRef, "s365@sync365demo.example.com", "API member used by Sync 365"));
        Add("members", Member("S365Limited", "Sync", "Limited", "A", limitedRef, "s365limited@sync365demo.example.com", "API member with a restricted role"));
        Add("members", Member("jsmith", "Jane", "Smith", "F", adminRef, "jane.smith@sync365demo.example.com", "Service Manager"));
        Data.ApiKeys.Add(new ApiKey(Scenarios.DemoCompanyId, Scenarios.FullPublicKey, Scenarios.FullPrivateKey, Scenarios.FullMemberId));
        Data.ApiKeys.Add(new ApiKey(Scenarios.DemoCompanyId, Scenarios.LimitedPublicKey, Scenarios.LimitedPrivateKey, Scenarios.LimitedMemberId));

        foreach (var (name, basedOn, def, respond, plan, resolve) in new[]
                 {
                     ("Standard SLA", "AllHours", true, 4.0, 8.0, 24.0),
                     ("Premium 24x7", "AllHours", false, 1.0, 2.0, 8.0),
                     ("Business Hours", "MyCalendar", false, 8.0, 16.0, 40.0),
                 })
            Add("slas", new JsonObject
            {
                ["name"] = name, ["basedOn"] = basedOn, ["defaultFlag"] = def, ["applicationOrder"] = Data.Table("slas").NextId,
                ["respondHours"] = respond, ["respondPercent"] = 100, ["planWithin"] = plan, ["planWithinPercent"] = 100,
                ["resolutionHours"] = resolve, ["resolutionPercent"] = 100, ["_info"] = Info("jsmith"),
            });

        foreach (var (name, color, sort, def) in new[]
                 {
                     ("Priority 1 - Emergency Response", "Red", 1, false),
                     ("Priority 2 - Quick Response", "Orange", 2, false),
                     ("Priority 3 - Normal Response", "Yellow", 3, true),
                     ("Priority 4 - Schedule Maintenance", "Blue", 4, false),
                     ("Do Not Respond", "Gray", 5, false),
                 })
            Add("priorities", new JsonObject { ["name"] = name, ["color"] = color, ["sortOrder"] = sort, ["defaultFlag"] = def, ["urgencySortOrder"] = sort, ["_info"] = Info("jsmith") });

        foreach (var name in new[] { "Help Desk", "Alerts" })
            Add("boards", new JsonObject
            {
                ["name"] = name, ["location"] = IdName(1, "Head Office"), ["department"] = IdName(1, "Service"),
                ["inactiveFlag"] = false, ["projectFlag"] = false, ["showDependenciesFlag"] = false, ["showEstimatesFlag"] = false,
                ["billTime"] = "Billable", ["billExpense"] = "Billable", ["billProduct"] = "Billable", ["autoAssignNewTicketsFlag"] = false,
                ["problemSort"] = "Ascending", ["resolutionSort"] = "Ascending", ["internalAnalysisSort"] = "Ascending", ["_info"] = Info("jsmith"),
            });

        foreach (var (name, def) in new[] { ("Microsoft 365", false), ("Managed Services", true), ("Backup", false) })
            Add("agreementTypes", new JsonObject
            {
                ["name"] = name, ["prefixSuffixOption"] = "Prefix", ["defaultFlag"] = def, ["inactiveFlag"] = false, ["prePaymentFlag"] = false,
                ["location"] = IdName(1, "Head Office"), ["department"] = IdName(2, "Finance"),
                ["applicationUnits"] = "Amount", ["applicationCycle"] = "CalendarMonth", ["applicationUnlimitedFlag"] = false, ["oneTimeFlag"] = false,
                ["coverAgreementTimeFlag"] = false, ["coverAgreementProductFlag"] = false, ["coverAgreementExpenseFlag"] = false, ["coverSalesTaxFlag"] = false,
                ["employeeCompRate"] = "Actual", ["employeeCompNotExceed"] = "Billing", ["invoicingCycle"] = "ContractYear",
                ["billingCycle"] = IdName(2, "Monthly"), ["billTime"] = "Billable", ["billExpenses"] = "Billable", ["billProducts"] = "Billable",
                ["taxableFlag"] = true, ["prorateFlag"] = true, ["invoiceProratedAdditionsFlag"] = true, ["autoInvoiceFlag"] = false, ["_info"] = Info("jsmith"),
            });
    }

    private static JsonObject Member(string ident, string first, string last, string licence, JsonObject role, string email, string title) => new()
    {
        ["identifier"] = ident, ["firstName"] = first, ["lastName"] = last, ["licenseClass"] = licence, ["disableOnlineFlag"] = false,
        ["inactiveFlag"] = false, ["hireDate"] = "2024-03-01T00:00:00Z", ["title"] = title, ["officeEmail"] = email, ["defaultEmail"] = "Office",
        ["primaryEmail"] = email, ["officePhone"] = "+1 555 0100", ["defaultPhone"] = "Office", ["securityRole"] = role.DeepClone(),
        ["adminFlag"] = ident == "jsmith", ["timeZone"] = IdName(1, "Eastern Standard Time"), ["_info"] = Info("jsmith"),
    };

    private void AddSetting(int roleId, SecurityFunction f, string add, string edit, string del, string inquire) =>
        Add("securityRoleSettings", new JsonObject
        {
            ["addLevel"] = add, ["editLevel"] = edit, ["deleteLevel"] = del, ["inquireLevel"] = inquire,
            ["moduleFunctionName"] = f.FunctionDescription, ["moduleFunctionDescription"] = f.FunctionDescription,
            ["myAllFlag"] = true, ["moduleFunctionIdentifier"] = f.FunctionIdentifier, ["reportFlag"] = false, ["restrictFlag"] = false,
            ["customFlag"] = false, ["moduleDescription"] = f.ModuleName, ["moduleIdentifier"] = f.ModuleIdentifier, ["moduleName"] = f.ModuleName,
            ["sortOrder"] = f.SortOrder, ["_info"] = Info("jsmith"),
        }, roleId);

    // ------------------------------------------------------------------ catalog

    /// <summary>Microsoft 365 licences (ids 1..20), managed services (21..24), backup (25..26).</summary>
    internal static readonly (string id, string desc, string longDesc, double price, double cost, string mpn, string sub)[] CatalogItems =
    {
        ("M365-BB", "Microsoft 365 Business Basic", "Microsoft 365 Business Basic - web and mobile Office apps, Exchange, Teams, 1 TB OneDrive (per user/month)", 7.20, 6.00, "CFQ7TTC0LH18", "Microsoft 365"),
        ("M365-BS", "Microsoft 365 Business Standard", "Microsoft 365 Business Standard - desktop Office apps, Exchange, Teams, SharePoint (per user/month)", 15.00, 12.50, "CFQ7TTC0LDPB", "Microsoft 365"),
        ("M365-BP", "Microsoft 365 Business Premium", "Microsoft 365 Business Premium - Business Standard plus Intune, Entra ID P1 and Defender for Business (per user/month)", 26.40, 22.00, "CFQ7TTC0LCHC", "Microsoft 365"),
        ("M365-APPS-BIZ", "Microsoft 365 Apps for business", "Microsoft 365 Apps for business - desktop Office apps and 1 TB OneDrive (per user/month)", 9.90, 8.25, "CFQ7TTC0LH1G", "Microsoft 365"),
        ("M365-APPS-ENT", "Microsoft 365 Apps for enterprise", "Microsoft 365 Apps for enterprise - desktop Office apps for larger organisations (per user/month)", 14.40, 12.00, "CFQ7TTC0LGZT", "Microsoft 365"),
        ("O365-E1", "Office 365 E1", "Office 365 E1 - Exchange, SharePoint, Teams and web apps for enterprises (per user/month)", 12.00, 10.00, "CFQ7TTC0LF8R", "Office 365"),
        ("O365-E3", "Office 365 E3", "Office 365 E3 - Office apps, Exchange, SharePoint, Teams, compliance tools (per user/month)", 27.60, 23.00, "CFQ7TTC0LF8Q", "Office 365"),
        ("O365-E5", "Office 365 E5", "Office 365 E5 - E3 plus Teams Phone, Defender for Office 365 P2 and Power BI Pro (per user/month)", 45.60, 38.00, "CFQ7TTC0LF8S", "Office 365"),
        ("M365-E3", "Microsoft 365 E3", "Microsoft 365 E3 - Office 365 E3 plus Windows Enterprise, Intune and Entra ID P1 (per user/month)", 43.20, 36.00, "CFQ7TTC0LFLX", "Microsoft 365"),
        ("M365-E5", "Microsoft 365 E5", "Microsoft 365 E5 - full security, compliance and analytics suite (per user/month)", 68.40, 57.00, "CFQ7TTC0LFLZ", "Microsoft 365"),
        ("M365-F3", "Microsoft 365 F3", "Microsoft 365 F3 - frontline worker licence with web and mobile apps (per user/month)", 9.60, 8.00, "CFQ7TTC0LGTX", "Microsoft 365"),
        ("EXO-P1", "Exchange Online (Plan 1)", "Exchange Online (Plan 1) - 50 GB business mailbox (per user/month)", 4.80, 4.00, "CFQ7TTC0LH16", "Exchange Online"),
        ("EXO-P2", "Exchange Online (Plan 2)", "Exchange Online (Plan 2) - 100 GB mailbox with archiving and DLP (per user/month)", 9.60, 8.00, "CFQ7TTC0LH1P", "Exchange Online"),
        ("TEAMS-ESS", "Microsoft Teams Essentials", "Microsoft Teams Essentials - meetings, chat and 10 GB cloud storage (per user/month)", 4.80, 4.00, "CFQ7TTC0RQ4Q", "Microsoft 365"),
        ("TEAMS-PHONE", "Microsoft Teams Phone Standard", "Microsoft Teams Phone Standard - cloud telephony for Microsoft Teams (per user/month)", 9.60, 8.00, "CFQ7TTC0LH0R", "Microsoft 365"),
        ("PBI-PRO", "Power BI Pro", "Power BI Pro - self-service analytics and sharing (per user/month)", 16.80, 14.00, "CFQ7TTC0L3PB", "Power Platform"),
        ("VISIO-P2", "Visio Plan 2", "Visio Plan 2 - Visio desktop app and web (per user/month)", 18.00, 15.00, "CFQ7TTC0HD33", "Microsoft 365"),
        ("PROJ-P3", "Project Plan 3", "Project Plan 3 - project management desktop and web (per user/month)", 36.00, 30.00, "CFQ7TTC0HDB0", "Microsoft 365"),
        ("ENTRA-P1", "Microsoft Entra ID P1", "Microsoft Entra ID P1 - conditional access and identity protection (per user/month)", 7.20, 6.00, "CFQ7TTC0LFK5", "Security"),
        ("DEF-BIZ", "Microsoft Defender for Business", "Microsoft Defender for Business - endpoint protection for SMB (per user/month)", 3.60, 3.00, "CFQ7TTC0LCHQ", "Security"),
        ("MS-SEAT", "Managed Services - per user", "Fully managed IT support per user: help desk, patching, monitoring", 65.00, 30.00, "MSP-SEAT", "Managed Services"),
        ("MS-SERVER", "Managed Services - per server", "Server monitoring, patching and proactive maintenance per server", 150.00, 60.00, "MSP-SRV", "Managed Services"),
        ("MS-SECURITY", "Managed Security Bundle", "Managed EDR, email filtering and security awareness training per user", 12.00, 6.50, "MSP-SEC", "Managed Services"),
        ("MS-M365ADMIN", "Microsoft 365 Administration", "Microsoft 365 tenant administration and licence management", 2.00, 0.50, "MSP-M365", "Managed Services"),
        ("BACKUP-M365", "Microsoft 365 Cloud Backup", "Microsoft 365 backup of Exchange, OneDrive, SharePoint and Teams (per user/month)", 3.50, 1.75, "BKP-M365", "Backup"),
        ("BACKUP-SRV", "Server Backup - 1 TB", "Image-based server backup with 1 TB cloud retention (per server/month)", 85.00, 42.00, "BKP-SRV-1TB", "Backup"),
    };

    public const int M365CatalogCount = 20;

    public void Catalog()
    {
        int sub = 0;
        var subIds = new Dictionary<string, int>();
        foreach (var c in CatalogItems)
        {
            if (!subIds.TryGetValue(c.sub, out var sid)) subIds[c.sub] = sid = ++sub;
            bool licence = c.sub is not ("Managed Services" or "Backup");
            Add("catalog", new JsonObject
            {
                ["identifier"] = c.id, ["description"] = c.desc, ["inactiveFlag"] = false,
                ["subcategory"] = IdName(sid, c.sub), ["type"] = IdName(licence ? 1 : c.sub == "Backup" ? 3 : 2, licence ? "Licence" : c.sub == "Backup" ? "Backup" : "Service"),
                ["productClass"] = licence ? "NonInventory" : "Service", ["serializedFlag"] = false, ["serializedCostFlag"] = false, ["phaseProductFlag"] = false,
                ["unitOfMeasure"] = IdName(1, "Each"), ["price"] = c.price, ["cost"] = c.cost, ["priceAttribute"] = "FixedFee", ["taxableFlag"] = true,
                ["dropShipFlag"] = false, ["specialOrderFlag"] = false, ["customerDescription"] = c.longDesc,
                ["manufacturer"] = IdName(licence ? 1 : 2, licence ? "Microsoft" : "Sync365 Demo MSP"), ["manufacturerPartNumber"] = c.mpn,
                ["recurringFlag"] = true, ["recurringRevenue"] = c.price, ["recurringCost"] = c.cost, ["recurringOneTimeFlag"] = false,
                ["recurringBillCycle"] = IdName(2, "Monthly"), ["recurringCycleType"] = "ContractYear", ["calculatedPriceFlag"] = false, ["calculatedCostFlag"] = false,
                ["category"] = IdName(licence ? 1 : 2, licence ? "Software" : "Services"), ["billableOption"] = "Billable", ["_info"] = Info("jsmith"),
            });
        }
    }

    // ------------------------------------------------------------------ companies

    /// <summary>Demo company names (index+1 = company id). Contains the hostile names tests look for.</summary>
    internal static readonly (string name, string country, string city)[] DemoCompanies =
    {
        ("Contoso Ltd", "United States", "Seattle"),
        ("Contoso Pharmaceuticals", "United States", "Boston"),
        ("Fabrikam, Inc.", "United States", "Denver"),
        ("O'Brien & Sons", "Ireland", "Dublin"),
        ("Zürich \"Alpen\" AG", "Switzerland", "Zürich"),
        ("Smith + Jones #1", "United Kingdom", "Leeds"),
        ("100% Pure (NZ) Ltd", "New Zealand", "Auckland"),
        ("Proseware\\Adatum JV", "United States", "Austin"),
        ("Adventure Works Cycles", "United States", "Bothell"),
        ("Alpine Ski House", "Canada", "Whistler"),
        ("Blue Yonder Airlines", "United States", "Dallas"),
        ("City Power & Light", "United States", "Chicago"),
        ("Coho Winery", "United States", "Napa"),
        ("Consolidated Messenger", "United States", "Atlanta"),
        ("Fourth Coffee", "United States", "Portland"),
        ("Graphic Design Institute", "United Kingdom", "London"),
        ("Humongous Insurance", "United States", "Hartford"),
        ("Litware, Inc.", "United States", "Raleigh"),
        ("Lucerne Publishing", "Switzerland", "Lucerne"),
        ("Margie's Travel", "Australia", "Sydney"),
        ("Northwind Traders", "United States", "Minneapolis"),
        ("Proseware, Inc.", "United States", "San Jose"),
        ("School of Fine Art", "United Kingdom", "Edinburgh"),
        ("Southridge Video", "United States", "Los Angeles"),
        ("Tailspin Toys", "United States", "Phoenix"),
        ("Trey Research", "United States", "San Diego"),
        ("VanArsdel, Ltd.", "United Kingdom", "Manchester"),
        ("Wide World Importers", "United States", "Miami"),
        ("Wingtip Toys", "United States", "Orlando"),
        ("Woodgrove Bank", "United States", "New York"),
        ("Bellows College", "United States", "Ithaca"),
        ("Best For You Organics", "United States", "Sacramento"),
        ("Relecloud", "United States", "Redmond"),
        ("Munson's Pickles and Preserves Farm", "United States", "Madison"),
        ("Lamna Healthcare", "United States", "Nashville"),
        ("A. Datum Corporation", "United States", "Philadelphia"),
        ("First Up Consultants", "Australia", "Melbourne"),
        ("Nod Publishers", "United Kingdom", "Bristol"),
        ("Fincher Architects", "Australia", "Brisbane"),
        ("Kinnear Dental Group", "United Kingdom", "Glasgow"),
        ("Harbour View Accountants", "New Zealand", "Wellington"),
        ("Baker & Brightwell Solicitors", "United Kingdom", "Cardiff"),
        ("Pemberton Veterinary Clinic", "Canada", "Vancouver"),
        ("Riverside Family Dentistry", "United States", "Richmond"),
        ("Summit Engineering Group", "United States", "Salt Lake City"),
        ("Greenleaf Property Management", "United States", "Charlotte"),
        ("Oakridge Logistics", "United States", "Memphis"),
        ("Bluewater Marine Supplies", "Australia", "Perth"),
    };

    private static readonly string[] FirstNames = { "James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia", "Ethan", "Sophie", "Mason", "Chloe", "Aiden", "Grace", "Ryan", "Zoe", "Connor", "Hannah", "Sean", "Priya" };
    private static readonly string[] LastNames = { "Murphy", "Chen", "García", "Patel", "Williams", "O'Neill", "Müller", "Nguyen", "Brown", "Kowalski", "Taylor", "Singh", "Anderson", "Rossi", "Kelly", "Walker" };

    internal static string MakeIdentifier(string name, HashSet<string> used)
    {
        var norm = name.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var ch in norm)
            if (ch < 128 && char.IsLetterOrDigit(ch)) sb.Append(ch);
        var baseId = sb.Length == 0 ? "Company" : sb.ToString();
        if (baseId.Length > 30) baseId = baseId[..30];
        var id = baseId;
        for (int n = 2; !used.Add(id); n++)
        {
            var suffix = n.ToString(CultureInfo.InvariantCulture);
            id = (baseId.Length + suffix.Length > 30 ? baseId[..(30 - suffix.Length)] : baseId) + suffix;
        }
        return id;
    }

    private Entity AddCompany(string name, string identifier, string country, string city, int index)
    {
        return Add("companies", new JsonObject
        {
            ["identifier"] = identifier, ["name"] = name, ["status"] = IdName(1, "Active"),
            ["addressLine1"] = $"{100 + index * 7} {(index % 2 == 0 ? "Main Street" : "Harbour Road")}", ["city"] = city,
            ["zip"] = (10000 + index * 37).ToString(CultureInfo.InvariantCulture), ["country"] = IdName(CountryId(country), country),
            ["phoneNumber"] = $"+1 555 01{index % 100:00}", ["website"] = "www." + identifier.ToLowerInvariant() + ".example.com",
            ["territory"] = IdName(1, "Main"), ["market"] = IdName(1, "Small Business"), ["dateAcquired"] = D(new DateTime(2019, 1, 1).AddDays(index * 23)),
            ["leadFlag"] = false, ["unsubscribeFlag"] = false, ["deletedFlag"] = false, ["isVendorFlag"] = false,
            ["types"] = new JsonArray(IdName(1, "Client")), ["site"] = IdName(index + 1, "Main"), ["_info"] = Info(), ["customFields"] = new JsonArray(),
        });
    }

    private static int CountryId(string c) => c switch
    {
        "United States" => 1,
        "United Kingdom" => 2,
        "Australia" => 3,
        "New Zealand" => 4,
        "Canada" => 5,
        "Ireland" => 6,
        "Switzerland" => 7,
        _ => 99,
    };

    private Entity AddContact(Entity company, int index, bool isDefault)
    {
        var first = FirstNames[_rng.Next(FirstNames.Length)];
        var last = LastNames[_rng.Next(LastNames.Length)];
        var domain = company.Root.GetProperty("identifier").GetString()!.ToLowerInvariant() + ".example.com";
        var email = $"{Ascii(first).ToLowerInvariant()}.{Ascii(last).ToLowerInvariant()}@{domain}";
        var phone = $"+1 555 02{index % 100:00}";
        int tId = Data.Table("contacts").NextId;
        return Add("contacts", new JsonObject
        {
            ["firstName"] = first, ["lastName"] = last, ["company"] = Ref("companies", company), ["site"] = IdName(company.Id, "Main"),
            ["inactiveFlag"] = false, ["title"] = isDefault ? "Office Manager" : index % 2 == 0 ? "IT Coordinator" : "Finance Manager",
            ["marriedFlag"] = false, ["childrenFlag"] = false, ["disablePortalLoginFlag"] = true, ["unsubscribeFlag"] = false,
            ["defaultPhoneType"] = "Direct", ["defaultPhoneNbr"] = phone, ["defaultBillingFlag"] = isDefault, ["defaultFlag"] = isDefault,
            ["communicationItems"] = new JsonArray(
                new JsonObject { ["id"] = tId * 2 - 1, ["type"] = IdName(1, "Email"), ["value"] = email, ["defaultFlag"] = true, ["domain"] = "@" + domain, ["communicationType"] = "Email" },
                new JsonObject { ["id"] = tId * 2, ["type"] = IdName(2, "Direct"), ["value"] = phone, ["defaultFlag"] = true, ["communicationType"] = "Phone" }),
            ["types"] = new JsonArray(), ["_info"] = Info(), ["customFields"] = new JsonArray(),
        });
    }

    private static string Ascii(string s)
    {
        var sb = new StringBuilder();
        foreach (var ch in s.Normalize(NormalizationForm.FormD)) if (ch < 128 && char.IsLetter(ch)) sb.Append(ch);
        return sb.ToString();
    }

    private void SetDefaultContact(Entity company, Entity contact)
    {
        var node = company.ToNode();
        node["defaultContact"] = Ref("contacts", contact);
        Data.Table("companies").Replace(Entity.FromNode(node, 0));
    }

    private Entity AddAgreement(Entity company, Entity contact, Entity type, string name, string status, DateTime start, DateTime? cancelled)
    {
        return Add("agreements", new JsonObject
        {
            ["name"] = name, ["type"] = Ref("agreementTypes", type), ["company"] = Ref("companies", company), ["contact"] = Ref("contacts", contact),
            ["site"] = IdName(company.Id, "Main"), ["location"] = IdName(1, "Head Office"), ["department"] = IdName(2, "Finance"),
            ["restrictLocationFlag"] = false, ["restrictDepartmentFlag"] = false, ["startDate"] = D(start), ["noEndingDateFlag"] = true,
            ["cancelledFlag"] = cancelled is not null, ["dateCancelled"] = cancelled is null ? null : D(cancelled.Value),
            ["reasonCancelled"] = cancelled is null ? null : "Migrated to Sync 365",
            ["applicationUnits"] = "Amount", ["applicationCycle"] = "CalendarMonth", ["applicationUnlimitedFlag"] = false, ["oneTimeFlag"] = false,
            ["coverAgreementTime"] = false, ["coverAgreementProduct"] = false, ["coverAgreementExpense"] = false, ["coverSalesTax"] = false,
            ["carryOverUnused"] = false, ["allowOverruns"] = false, ["expireWhenZero"] = false, ["chargeToFirm"] = false,
            ["employeeCompRate"] = "Actual", ["employeeCompNotExceed"] = "Billing", ["billingCycle"] = IdName(2, "Monthly"), ["billOneTimeFlag"] = false,
            ["billingTerms"] = IdName(1, "Net 30 days"), ["invoicingCycle"] = "ContractYear", ["billToCompany"] = Ref("companies", company),
            ["billToContact"] = Ref("contacts", contact), ["billAmount"] = 0, ["taxable"] = true, ["prorateFirstBill"] = true, ["billStartDate"] = D(start),
            ["restrictDownPayment"] = false, ["prorateFlag"] = true, ["invoiceProratedAdditionsFlag"] = true,
            ["billTime"] = "Billable", ["billExpenses"] = "Billable", ["billProducts"] = "Billable",
            ["billableTimeInvoice"] = false, ["billableExpenseInvoice"] = false, ["billableProductInvoice"] = true,
            ["currency"] = new JsonObject { ["id"] = 1, ["symbol"] = "$", ["currencyCode"] = "USD", ["name"] = "US Dollars" },
            ["periodType"] = "Current", ["autoInvoiceFlag"] = false, ["nextInvoiceDate"] = "2027-01-01T00:00:00Z", ["agreementStatus"] = status,
            ["_info"] = Info(), ["customFields"] = new JsonArray(),
        });
    }

    /// <summary>Writes one addition directly as UTF-8 JSON (fast enough for 100,000 rows).</summary>
    private void AddAddition(int agreementId, int catalogIndex, double qty, string? serial, DateTime effective, DateTime? cancelled, int seq)
    {
        var t = Data.Table("additions");
        int id = t.NextId;
        var c = CatalogItems[catalogIndex];
        int productId = catalogIndex + 1;
        bool isCancelled = cancelled is not null && cancelled.Value <= new DateTime(2026, 12, 4);
        double billed = qty, extPrice = Math.Round(qty * c.price, 2), extCost = Math.Round(qty * c.cost, 2);
        var json = JsonDefaults.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteStartObject("product");
            w.WriteNumber("id", productId);
            w.WriteString("identifier", c.id);
            w.WriteStartObject("_info");
            w.WriteString("product_href", Refs.HrefBase + "/procurement/catalog/" + productId.ToString(CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteNumber("quantity", qty);
            w.WriteNumber("lessIncluded", 0);
            w.WriteNumber("unitPrice", c.price);
            w.WriteNumber("unitCost", c.cost);
            w.WriteString("billCustomer", "Billable");
            w.WriteString("effectiveDate", D(effective));
            if (cancelled is not null) w.WriteString("cancelledDate", D(cancelled.Value));
            w.WriteBoolean("taxableFlag", true);
            if (serial is not null) w.WriteString("serialNumber", serial);
            w.WriteString("invoiceDescription", c.longDesc);
            w.WriteBoolean("purchaseItemFlag", false);
            w.WriteBoolean("specialOrderFlag", false);
            w.WriteNumber("agreementId", agreementId);
            w.WriteString("description", c.desc);
            w.WriteNumber("billedQuantity", billed);
            w.WriteString("uom", "Each");
            w.WriteNumber("extPrice", extPrice);
            w.WriteNumber("extCost", extCost);
            w.WriteNumber("sequenceNumber", seq);
            w.WriteNumber("margin", Math.Round(extPrice - extCost, 2));
            w.WriteNumber("prorateCost", extCost);
            w.WriteNumber("proratePrice", extPrice);
            w.WriteNumber("extendedProrateCost", extCost);
            w.WriteNumber("extendedProratePrice", extPrice);
            w.WriteBoolean("prorateCurrentPeriodFlag", true);
            w.WriteString("agreementStatus", isCancelled ? "Cancelled" : "Active");
            w.WriteStartObject("_info");
            w.WriteString("lastUpdated", Stamp);
            w.WriteString("updatedBy", serial == "CloudConsole" ? "CloudConsole" : serial == "Unite" ? "Unite" : "jsmith");
            w.WriteEndObject();
            w.WriteEndObject();
        });
        t.Add(new Entity(id, agreementId, json));
    }

    private static readonly string?[] Serials = { "CloudConsole", "Unite", null };

    // ------------------------------------------------------------------ demo

    public void Demo()
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var companies = new List<Entity>();
        var contacts = new List<Entity>();
        for (int i = 0; i < DemoCompanies.Length; i++)
        {
            var (name, country, city) = DemoCompanies[i];
            var company = AddCompany(name, MakeIdentifier(name, used), country, city, i);
            companies.Add(company);
        }
        for (int i = 0; i < companies.Count; i++)
        {
            int n = 2 + i % 2;
            Entity? first = null;
            for (int k = 0; k < n; k++)
            {
                var c = AddContact(companies[i], i * 3 + k, k == 0);
                first ??= c;
            }
            contacts.Add(first!);
            SetDefaultContact(companies[i], first!);
        }
        companies = Data.Table("companies").All.ToList();

        var types = Data.Table("agreementTypes").All;
        Entity m365 = types[0], managed = types[1], backup = types[2];
        var future = new DateTime(2027, 1, 1);
        for (int i = 0; i < companies.Count; i++)
        {
            var co = companies[i];
            var ct = contacts[i];
            var shortName = co.Root.GetProperty("name").GetString()!;
            string? mainSerial = Serials[i % 3];
            var start = new DateTime(2022, 1, 1).AddMonths(i % 30);

            // Legacy, cancelled Microsoft 365 agreement for every 5th company.
            if (i % 5 == 0)
            {
                var legacy = AddAgreement(co, ct, m365, "Microsoft 365 (legacy)", "Cancelled", start.AddYears(-2), new DateTime(2025, 6, 30));
                int lines = 4 + _rng.Next(4);
                for (int k = 0; k < lines; k++)
                    AddAddition(legacy.Id, _rng.Next(M365CatalogCount), 1 + _rng.Next(20), mainSerial, start.AddYears(-2), new DateTime(2025, 6, 30), k + 1);
            }

            // Main Microsoft 365 agreement: active lines from the old tool, plus cancelled history.
            var agr = AddAgreement(co, ct, m365, "Microsoft 365 Licences", "Active", start, null);
            var picks = Enumerable.Range(0, M365CatalogCount).OrderBy(_ => _rng.Next()).Take(10 + _rng.Next(7)).ToList();
            int seq = 1;
            foreach (var p in picks)
            {
                string? serial = _rng.NextDouble() < 0.15 ? Serials[_rng.Next(3)] : mainSerial;
                AddAddition(agr.Id, p, 1 + _rng.Next(60), serial, start.AddMonths(_rng.Next(12)), null, seq++);
            }
            int history = 4 + _rng.Next(6);
            for (int k = 0; k < history; k++)
            {
                var eff = start.AddMonths(_rng.Next(24));
                AddAddition(agr.Id, _rng.Next(M365CatalogCount), 1 + _rng.Next(30), Serials[_rng.Next(3)], eff, eff.AddMonths(3 + _rng.Next(12)) is var cd && cd > new DateTime(2026, 11, 30) ? new DateTime(2026, 10, 31) : cd, seq++);
            }
            if (i % 7 == 3) AddAddition(agr.Id, 2, 5 + _rng.Next(10), mainSerial, future, null, seq++);

            // Managed services for all but every 6th company (every 9th of those is Inactive).
            if (i % 6 != 5)
            {
                var ms = AddAgreement(co, ct, managed, "Managed Services - " + (i % 3 == 0 ? "Gold" : i % 3 == 1 ? "Silver" : "Bronze"), i % 9 == 4 ? "Inactive" : "Active", start, null);
                int lines = 2 + _rng.Next(3);
                for (int k = 0; k < lines; k++)
                    AddAddition(ms.Id, 20 + k, k == 1 ? 1 + _rng.Next(3) : 5 + _rng.Next(50), null, start, null, k + 1);
                if (i % 8 == 2) AddAddition(ms.Id, 23, 10, null, future, null, lines + 1);
            }

            // Backup for every second company.
            if (i % 2 == 0)
            {
                var bk = AddAgreement(co, ct, backup, "Cloud Backup", i % 10 == 6 ? "Inactive" : "Active", start.AddMonths(3), null);
                AddAddition(bk.Id, 24, 5 + _rng.Next(50), i % 4 == 0 ? "Unite" : null, start.AddMonths(3), null, 1);
                if (i % 4 == 2) AddAddition(bk.Id, 25, 1 + _rng.Next(2), null, start.AddMonths(3), null, 2);
            }
        }

        var agreements = Data.Table("agreements").All.ToList();
        var catalog = Data.Table("catalog").All;
        // Procurement products: a few items sold on agreements.
        for (int i = 0; i < 30; i++)
        {
            var a = agreements[(i * 7) % agreements.Count];
            var cat = catalog[(i * 3) % catalog.Count];
            var c = CatalogItems[cat.Id - 1];
            var company = Data.Table("companies").ById[a.Root.GetProperty("company").GetProperty("id").GetInt32()];
            Add("products", new JsonObject
            {
                ["catalogItem"] = Ref("catalog", cat), ["description"] = c.desc, ["customerDescription"] = c.longDesc, ["sequenceNumber"] = 1,
                ["quantity"] = 1 + i % 9, ["unitOfMeasure"] = IdName(1, "Each"), ["price"] = c.price, ["cost"] = c.cost, ["billableOption"] = "Billable",
                ["agreement"] = Ref("agreements", a), ["company"] = Ref("companies", company), ["taxableFlag"] = true, ["dropshipFlag"] = false,
                ["specialOrderFlag"] = false, ["phaseProductFlag"] = false, ["cancelledFlag"] = false, ["_info"] = Info(),
            });
        }

        // Service tickets.
        var boards = Data.Table("boards").All;
        var prios = Data.Table("priorities").All;
        string[] summaries =
        {
            "New starter - needs Microsoft 365 Business Premium", "Licence count mismatch: Microsoft 365 vs agreement",
            "Sync 365: addition quantity changed", "Leaver - remove Exchange Online (Plan 1) licence", "Teams Phone number porting",
            "Backup job failed: Microsoft 365 Cloud Backup", "Password reset request", "Sync 365: product not mapped",
            "Outlook keeps asking for password", "Upgrade to Office 365 E3", "Shared mailbox access request", "Defender alert: suspicious sign-in",
        };
        for (int i = 0; i < summaries.Length; i++)
        {
            var co = companies[(i * 5) % companies.Count];
            Add("tickets", new JsonObject
            {
                ["summary"] = summaries[i], ["recordType"] = "ServiceTicket", ["board"] = Ref("boards", boards[i % 3 == 2 ? 1 : 0]),
                ["status"] = new JsonObject { ["id"] = i % 4 == 3 ? 5 : 1, ["name"] = i % 4 == 3 ? "Closed" : "New" },
                ["company"] = Ref("companies", co), ["contact"] = Ref("contacts", contacts[(i * 5) % companies.Count]),
                ["priority"] = Ref("priorities", prios[i % 4]), ["severity"] = "Medium", ["impact"] = i % 5 == 0 ? "High" : "Medium",
                ["closedFlag"] = i % 4 == 3, ["customerUpdatedFlag"] = false, ["automaticEmailContactFlag"] = false,
                ["_info"] = Info(),
            });
        }

        // Invoices.
        for (int i = 0; i < 8; i++)
        {
            var co = companies[i * 4];
            double total = Math.Round(250 + i * 137.35, 2);
            Add("invoices", new JsonObject
            {
                ["invoiceNumber"] = "INV-" + (10001 + i).ToString(CultureInfo.InvariantCulture), ["type"] = "Agreement",
                ["status"] = IdName(i % 3 == 0 ? 2 : 1, i % 3 == 0 ? "Paid" : "Sent"), ["company"] = Ref("companies", co), ["billToCompany"] = Ref("companies", co),
                ["date"] = D(new DateTime(2026, 11, 1)), ["dueDate"] = D(new DateTime(2026, 12, 1)), ["subtotal"] = total, ["total"] = Math.Round(total * 1.1, 2),
                ["balance"] = i % 3 == 0 ? 0 : Math.Round(total * 1.1, 2), ["_info"] = Info(),
            });
        }
    }

    // ------------------------------------------------------------------ scale

    public void Scale(int companyCount, int agreementsPerCompany, int additionsPerAgreement)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var types = Data.Table("agreementTypes").All;
        string[] words = { "Acme", "Apex", "Beacon", "Cedar", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Ironwood", "Juniper", "Keystone", "Lakeside", "Meridian", "Northstar", "Orchid", "Pinnacle", "Quartz", "Redwood", "Sterling" };
        string[] suffixes = { "Ltd", "Inc.", "LLC", "Group", "Partners", "& Co", "Holdings", "Services" };
        for (int i = 0; i < companyCount; i++)
        {
            var name = $"{words[i % words.Length]} {words[(i / words.Length + 3) % words.Length]} {suffixes[i % suffixes.Length]} {i + 1:00000}";
            var co = AddCompany(name, MakeIdentifier(name, used), "United States", "Springfield", i);
            var ct = AddContact(co, i, true);
            SetDefaultContact(co, ct);
            co = Data.Table("companies").ById[co.Id];
            string? serial = Serials[i % 3];
            for (int a = 0; a < agreementsPerCompany; a++)
            {
                var type = types[a % types.Count];
                var agr = AddAgreement(co, ct, type, $"{type.Root.GetProperty("name").GetString()} #{a + 1}", "Active", new DateTime(2023, 1, 1).AddMonths(a % 24), null);
                for (int k = 0; k < additionsPerAgreement; k++)
                {
                    bool cancelled = _rng.Next(10) == 0;
                    AddAddition(agr.Id, _rng.Next(CatalogItems.Length), 1 + _rng.Next(50), _rng.Next(5) == 0 ? Serials[_rng.Next(3)] : serial,
                        new DateTime(2024, 1, 1).AddDays(_rng.Next(700)), cancelled ? new DateTime(2026, 6, 30) : null, k + 1);
                }
            }
        }
    }
}
