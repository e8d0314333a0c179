using System;
using System.Linq;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>ConnectWise wire shapes → the PSA-neutral objects the cmdlets output.</summary>
    public static class CwMapper
    {
        public static Company ToCompany(CwCompany c, ConnectWiseClient client, string connectionName) => new Company
        {
            Id = c.Id,
            Identifier = c.Identifier,
            Name = c.Name,
            Status = c.Status?.Name,
            Types = c.Types?.Select(t => t.Name ?? string.Empty).Where(n => n.Length > 0).ToArray() ?? Array.Empty<string>(),
            City = c.City,
            State = c.State,
            Country = c.Country?.Name,
            PhoneNumber = c.PhoneNumber,
            Website = c.Website,
            LastUpdated = c.Info?.LastUpdated,
            PsaUrl = client.RecordUrl("CompanyFV", c.Id),
            ConnectionName = connectionName,
        };

        public static Agreement ToAgreement(CwAgreement a, ConnectWiseClient client, string connectionName) => new Agreement
        {
            Id = a.Id,
            Name = a.Name,
            CompanyId = a.Company?.Id,
            CompanyName = a.Company?.Name,
            CompanyIdentifier = a.Company?.Identifier,
            TypeId = a.Type?.Id,
            Type = a.Type?.Name,
            Status = a.AgreementStatus,
            Cancelled = a.CancelledFlag ?? false,
            StartDate = a.StartDate,
            EndDate = a.EndDate,
            ParentAgreementId = a.ParentAgreement?.Id,
            ParentAgreementName = a.ParentAgreement?.Name,
            BillingCycle = a.BillingCycle?.Name,
            BillAmount = a.BillAmount,
            Prorate = a.ProrateFlag,
            LastUpdated = a.Info?.LastUpdated,
            PsaUrl = client.RecordUrl("AgreementFV", a.Id),
            ConnectionName = connectionName,
        };

        public static Addition ToAddition(CwAddition x, AgreementRef agreement, ConnectWiseClient client, string connectionName, DateTimeOffset now) => new Addition
        {
            Id = x.Id,
            AgreementId = agreement.Id,
            AgreementName = agreement.Name,
            AgreementType = agreement.Type,
            CompanyId = agreement.CompanyId,
            CompanyName = agreement.CompanyName,
            ProductId = x.Product?.Id,
            Product = x.Product?.Identifier ?? x.Product?.Name,
            Description = x.Description,
            Quantity = x.Quantity,
            LessIncluded = x.LessIncluded,
            UnitPrice = x.UnitPrice,
            UnitCost = x.UnitCost,
            BillCustomer = x.BillCustomer,
            EffectiveDate = x.EffectiveDate,
            CancelledDate = x.CancelledDate,
            SerialNumber = x.SerialNumber,
            InvoiceDescription = x.InvoiceDescription,
            Status = x.AgreementStatus,
            IsActive = x.CancelledDate == null || x.CancelledDate > now,
            LastUpdated = x.Info?.LastUpdated,
            PsaUrl = client.RecordUrl("AgreementFV", agreement.Id),
            ConnectionName = connectionName,
        };

        public static AgreementType ToAgreementType(CwAgreementType t, string connectionName) => new AgreementType
        {
            Id = t.Id,
            Name = t.Name,
            Inactive = t.InactiveFlag ?? false,
            IsDefault = t.DefaultFlag ?? false,
            PrePayment = t.PrePaymentFlag ?? false,
            BillingCycle = t.BillingCycle?.Name,
            ConnectionName = connectionName,
        };

        public static Product ToProduct(CwCatalogItem p, ConnectWiseClient client, string connectionName) => new Product
        {
            Id = p.Id,
            Identifier = p.Identifier,
            Description = p.Description,
            CustomerDescription = p.CustomerDescription,
            Price = p.Price,
            Cost = p.Cost,
            Inactive = p.InactiveFlag ?? false,
            Category = p.Category?.Name,
            Subcategory = p.Subcategory?.Name,
            Type = p.Type?.Name,
            ProductClass = p.ProductClass,
            Recurring = p.RecurringFlag ?? false,
            ManufacturerPartNumber = p.ManufacturerPartNumber,
            PsaUrl = client.RecordUrl("ProductCatalogFV", p.Id),
            ConnectionName = connectionName,
        };

        public static Contact ToContact(CwContact c, ConnectWiseClient client, string connectionName)
        {
            var items = c.CommunicationItems ?? new System.Collections.Generic.List<CwCommunicationItem>();
            var emails = items.Where(i => string.Equals(i.CommunicationType, "Email", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(i.Value)).ToList();
            var phones = items.Where(i => string.Equals(i.CommunicationType, "Phone", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(i.Value)).ToList();
            return new Contact
            {
                Id = c.Id,
                FirstName = c.FirstName,
                LastName = c.LastName,
                Name = string.Join(" ", new[] { c.FirstName, c.LastName }.Where(s => !string.IsNullOrEmpty(s))),
                CompanyId = c.Company?.Id,
                CompanyName = c.Company?.Name,
                Email = (emails.FirstOrDefault(e => e.DefaultFlag == true) ?? emails.FirstOrDefault())?.Value,
                Emails = emails.Select(e => e.Value!).ToArray(),
                Phone = c.DefaultPhoneNbr ?? (phones.FirstOrDefault(p => p.DefaultFlag == true) ?? phones.FirstOrDefault())?.Value,
                Title = c.Title,
                Inactive = c.InactiveFlag ?? false,
                PsaUrl = client.RecordUrl("ContactFV", c.Id),
                ConnectionName = connectionName,
            };
        }
    }
}
