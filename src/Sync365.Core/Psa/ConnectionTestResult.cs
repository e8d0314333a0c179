using System;
using System.Collections.Generic;

namespace Sync365.Core.Psa
{
    /// <summary>Pass, Fail, or Unknown (Sync365 could not tell: the API would not say, or there is no safe probe).</summary>
    public enum CheckStatus
    {
        Pass,
        Fail,
        Unknown,
    }

    /// <summary>What Test-S365Connection returns: who answered, how much is there, and every right the integration needs.</summary>
    public sealed class ConnectionTestResult
    {
        /// <summary>True when the connection works and no permission or table row failed (Unknown rows do not fail it).</summary>
        public bool Success { get; set; }

        public string? Server { get; set; }

        public string? CompanyId { get; set; }

        public string? Codebase { get; set; }

        /// <summary>The ConnectWise version reported by /system/info (e.g. v2025.1.12345).</summary>
        public string? ApiVersion { get; set; }

        public bool? IsCloud { get; set; }

        /// <summary>Null when the role may not read companies.</summary>
        public long? CompanyCount { get; set; }

        public long? AgreementCount { get; set; }

        /// <summary>Catalog items (Procurement › Product Catalog).</summary>
        public long? ProductCount { get; set; }

        /// <summary>Whether /system/mySecurity answered; without it, only the probes decide.</summary>
        public bool SecurityReadable { get; set; }

        /// <summary>One row per line of the required security-role table.</summary>
        public IReadOnlyList<PermissionCheck> Permissions { get; set; } = Array.Empty<PermissionCheck>();

        /// <summary>The Table Setup tables the integration needs when Table Setup is restricted.</summary>
        public IReadOnlyList<TableSetupCheck> TableSetup { get; set; } = Array.Empty<TableSetupCheck>();

        public TimeSpan Elapsed { get; set; }

        public string? ConnectionName { get; set; }

        public override string ToString() => (Success ? "Passed" : "Failed") + $": {CompanyId} at {Server}";
    }

    /// <summary>One line of the security role (System › Security Roles): what is needed, what the role grants, and how to fix it.</summary>
    public sealed class PermissionCheck
    {
        public string Module { get; set; } = string.Empty;

        public string Function { get; set; } = string.Empty;

        /// <summary>E.g. "Add/Edit/Inquire - All".</summary>
        public string Required { get; set; } = string.Empty;

        /// <summary>E.g. "Add All, Edit None, Inquire All"; null when the role could not be read.</summary>
        public string? Granted { get; set; }

        public CheckStatus Status { get; set; }

        /// <summary>The levels that fall short, e.g. Edit.</summary>
        public IReadOnlyList<string> Missing { get; set; } = Array.Empty<string>();

        /// <summary>What to change in System › Security Roles; null when the row passes.</summary>
        public string? Fix { get; set; }

        /// <summary>The probe that confirmed the row, e.g. "GET finance/agreements/count → 200".</summary>
        public string? Probe { get; set; }

        /// <summary>What the integration uses this right for.</summary>
        public string? UsedFor { get; set; }

        public override string ToString() => $"{Module} › {Function}: {Status}";
    }

    /// <summary>A Table Setup table the seed lists as the minimum when Table Setup is restricted.</summary>
    public sealed class TableSetupCheck
    {
        /// <summary>As the role's Table Setup customisation names it, e.g. "Agreements/Agreement Type".</summary>
        public string Table { get; set; } = string.Empty;

        public CheckStatus Status { get; set; }

        public string? Probe { get; set; }

        public string? Fix { get; set; }

        public override string ToString() => $"{Table}: {Status}";
    }
}
