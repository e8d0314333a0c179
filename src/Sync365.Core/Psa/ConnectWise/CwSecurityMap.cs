using System;
using System.Collections.Generic;
using System.Linq;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>Which security-role line (System › Security Roles) guards which API path, per the seed's role table.</summary>
    public static class CwSecurityMap
    {
        public static readonly IReadOnlyList<(string PathPrefix, SecurityFunction Function)> Routes = new[]
        {
            ("company/companies", new SecurityFunction("Companies", "Company Maintenance")),
            ("company/contacts", new SecurityFunction("Companies", "Contacts")),
            ("finance/agreements/types", new SecurityFunction("System", "Table Setup")),
            ("finance/agreements", new SecurityFunction("Finance", "Agreements")),
            ("finance/invoices", new SecurityFunction("Finance", "Invoicing")),
            ("procurement/catalog", new SecurityFunction("Procurement", "Product Catalog")),
            ("procurement/products", new SecurityFunction("Procurement", "Products")),
            ("service/tickets", new SecurityFunction("Service Desk", "Service Tickets")),
            ("service/boards", new SecurityFunction("System", "Table Setup")),
            ("service/priorities", new SecurityFunction("System", "Table Setup")),
            ("service/slas", new SecurityFunction("System", "Table Setup")),
        };

        public static SecurityFunction? ForPath(string absolutePath)
        {
            var i = absolutePath.IndexOf("/apis/3.0/", StringComparison.OrdinalIgnoreCase);
            var rel = (i >= 0 ? absolutePath.Substring(i + 10) : absolutePath).TrimStart('/');
            return Routes.Where(r => rel.StartsWith(r.PathPrefix, StringComparison.OrdinalIgnoreCase))
                .Select(r => r.Function)
                .FirstOrDefault();
        }
    }
}
