using System;
using System.Collections.Generic;
using System.Linq;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>A level of a security-role line: ConnectWise's Add, Edit, Delete and Inquire columns.</summary>
    public enum RoleLevel
    {
        Add,
        Edit,
        Delete,
        Inquire,
    }

    /// <summary>One line of the security role Sync365 needs, with the cheap read that confirms its Inquire level.</summary>
    public sealed class RequiredRight
    {
        public RequiredRight(string module, string function, RoleLevel[] levels, string? probe, string usedFor, params string[] moduleAliases)
        {
            Module = module;
            Function = function;
            Levels = levels;
            Probe = probe;
            UsedFor = usedFor;
            ModuleAliases = new[] { module }.Concat(moduleAliases).ToArray();
        }

        public string Module { get; }

        public string Function { get; }

        /// <summary>Levels that must be "All".</summary>
        public IReadOnlyList<RoleLevel> Levels { get; }

        /// <summary>A count request (relative to apis/3.0) that only succeeds with Inquire; null when there is none.</summary>
        public string? Probe { get; }

        public string UsedFor { get; }

        /// <summary>The module as ConnectWise may spell it in moduleName / moduleIdentifier (Service Desk is "Service").</summary>
        public IReadOnlyList<string> ModuleAliases { get; }

        /// <summary>"Add/Edit/Inquire - All", as the set-up guide writes it.</summary>
        public string RequiredText => string.Join("/", Levels.Select(l => l.ToString())) + " - All";
    }

    /// <summary>A Table Setup table from the set-up guide's minimum, and the list that proves it is readable.</summary>
    public sealed class RequiredTable
    {
        public RequiredTable(string table, string? probe)
        {
            Table = table;
            Probe = probe;
        }

        public string Table { get; }

        public string? Probe { get; }
    }

    /// <summary>The security role of the Sync 365 set-up guide (System › Security Roles), line by line.</summary>
    public static class CwRequiredRights
    {
        public static readonly IReadOnlyList<RequiredRight> Role = new[]
        {
            new RequiredRight("Companies", "Company Maintenance", new[] { RoleLevel.Inquire }, "company/companies/count", "reading customers", "Company"),
            new RequiredRight("Companies", "Contacts", new[] { RoleLevel.Add, RoleLevel.Edit, RoleLevel.Inquire }, "company/contacts/count", "reading and updating billing contacts", "Company"),
            new RequiredRight("Finance", "Agreement Invoicing", new[] { RoleLevel.Inquire }, null, "reading agreement invoices"),
            new RequiredRight("Finance", "Agreements", new[] { RoleLevel.Add, RoleLevel.Edit, RoleLevel.Inquire }, "finance/agreements/count", "reading agreements and adding, changing and cancelling additions"),
            new RequiredRight("Finance", "Invoicing", new[] { RoleLevel.Inquire }, "finance/invoices/count", "reading invoices"),
            new RequiredRight("Procurement", "Product Catalog", new[] { RoleLevel.Inquire }, "procurement/catalog/count", "reading the products that bill licences"),
            new RequiredRight("Procurement", "Products", new[] { RoleLevel.Inquire }, "procurement/products/count", "reading product lines"),
            new RequiredRight("Service Desk", "Service Tickets", new[] { RoleLevel.Add, RoleLevel.Inquire }, "service/tickets/count", "opening notification tickets", "Service"),
            new RequiredRight("System", "Table Setup", new[] { RoleLevel.Edit, RoleLevel.Inquire }, "finance/agreements/types/count", "reading agreement types, boards, priorities and SLAs"),
        };

        /// <summary>"If you are going to restrict access" to Table Setup, at least these tables.</summary>
        public static readonly IReadOnlyList<RequiredTable> TableSetupMinimum = new[]
        {
            new RequiredTable("Agreements/Agreement Type", "finance/agreements/types/count"),
            new RequiredTable("Agreements/Batch", null),
            new RequiredTable("Contacts/Contact Type", "company/contacts/types/count"),
            new RequiredTable("Service/Priority", "service/priorities/count"),
            new RequiredTable("Service/Service Board", "service/boards/count"),
            new RequiredTable("Service/SLA", "service/SLAs/count"),
        };

        /// <summary>Compares names the way ConnectWise varies them: case, spaces, underscores and hyphens ignored.</summary>
        public static string Normalize(string? text) =>
            new string((text ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

        /// <summary>Finds the role setting for a line; null when the role has no such line.</summary>
        public static CwSecurityRoleSetting? Find(IEnumerable<CwSecurityRoleSetting> settings, RequiredRight right)
        {
            var modules = new HashSet<string>(right.ModuleAliases.Select(Normalize));
            var function = Normalize(right.Function);
            return settings.FirstOrDefault(s =>
                    (modules.Contains(Normalize(s.ModuleName)) || modules.Contains(Normalize(s.ModuleIdentifier)) || modules.Contains(Normalize(s.ModuleDescription)))
                    && (Normalize(s.ModuleFunctionDescription) == function || Normalize(s.ModuleFunctionName) == function || Normalize(s.ModuleFunctionIdentifier) == function))
                ?? settings.FirstOrDefault(s =>
                    Normalize(s.ModuleFunctionDescription) == function || Normalize(s.ModuleFunctionName) == function || Normalize(s.ModuleFunctionIdentifier) == function);
        }

        public static string? LevelOf(CwSecurityRoleSetting? s, RoleLevel level)
        {
            if (s == null)
            {
                return null;
            }

            switch (level)
            {
                case RoleLevel.Add: return s.AddLevel;
                case RoleLevel.Edit: return s.EditLevel;
                case RoleLevel.Delete: return s.DeleteLevel;
                default: return s.InquireLevel;
            }
        }

        internal static bool IsAll(string? level) => string.Equals(level?.Trim(), "All", StringComparison.OrdinalIgnoreCase);
    }
}
