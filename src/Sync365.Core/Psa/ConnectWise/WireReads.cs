using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync365.Core.Psa.ConnectWise
{
#pragma warning disable SA1402
    public sealed class CwAgreement
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("type")]
        public CwReference? Type { get; set; }

        [JsonPropertyName("company")]
        public CwReference? Company { get; set; }

        [JsonPropertyName("contact")]
        public CwReference? Contact { get; set; }

        [JsonPropertyName("parentAgreement")]
        public CwReference? ParentAgreement { get; set; }

        [JsonPropertyName("startDate")]
        public DateTimeOffset? StartDate { get; set; }

        [JsonPropertyName("endDate")]
        public DateTimeOffset? EndDate { get; set; }

        [JsonPropertyName("noEndingDateFlag")]
        public bool? NoEndingDateFlag { get; set; }

        [JsonPropertyName("cancelledFlag")]
        public bool? CancelledFlag { get; set; }

        [JsonPropertyName("dateCancelled")]
        public DateTimeOffset? DateCancelled { get; set; }

        [JsonPropertyName("billingCycle")]
        public CwReference? BillingCycle { get; set; }

        [JsonPropertyName("billAmount")]
        public decimal? BillAmount { get; set; }

        [JsonPropertyName("prorateFlag")]
        public bool? ProrateFlag { get; set; }

        [JsonPropertyName("invoiceProratedAdditionsFlag")]
        public bool? InvoiceProratedAdditionsFlag { get; set; }

        [JsonPropertyName("agreementStatus")]
        public string? AgreementStatus { get; set; }

        [JsonPropertyName("_info")]
        public CwInfo? Info { get; set; }
    }

    public sealed class CwAgreementType
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("defaultFlag")]
        public bool? DefaultFlag { get; set; }

        [JsonPropertyName("inactiveFlag")]
        public bool? InactiveFlag { get; set; }

        [JsonPropertyName("prePaymentFlag")]
        public bool? PrePaymentFlag { get; set; }

        [JsonPropertyName("billingCycle")]
        public CwReference? BillingCycle { get; set; }

        [JsonPropertyName("_info")]
        public CwInfo? Info { get; set; }
    }

    public sealed class CwAddition
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("product")]
        public CwReference? Product { get; set; }

        [JsonPropertyName("quantity")]
        public decimal? Quantity { get; set; }

        [JsonPropertyName("lessIncluded")]
        public decimal? LessIncluded { get; set; }

        [JsonPropertyName("unitPrice")]
        public decimal? UnitPrice { get; set; }

        [JsonPropertyName("unitCost")]
        public decimal? UnitCost { get; set; }

        [JsonPropertyName("billCustomer")]
        public string? BillCustomer { get; set; }

        [JsonPropertyName("effectiveDate")]
        public DateTimeOffset? EffectiveDate { get; set; }

        [JsonPropertyName("cancelledDate")]
        public DateTimeOffset? CancelledDate { get; set; }

        [JsonPropertyName("serialNumber")]
        public string? SerialNumber { get; set; }

        [JsonPropertyName("invoiceDescription")]
        public string? InvoiceDescription { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("agreementId")]
        public long? AgreementId { get; set; }

        [JsonPropertyName("agreementStatus")]
        public string? AgreementStatus { get; set; }

        [JsonPropertyName("taxableFlag")]
        public bool? TaxableFlag { get; set; }

        [JsonPropertyName("_info")]
        public CwInfo? Info { get; set; }
    }

    public sealed class CwCatalogItem
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("identifier")]
        public string? Identifier { get; set; }

        [JsonPropertyName("description")]
        public string? Description { get; set; }

        [JsonPropertyName("customerDescription")]
        public string? CustomerDescription { get; set; }

        [JsonPropertyName("inactiveFlag")]
        public bool? InactiveFlag { get; set; }

        [JsonPropertyName("subcategory")]
        public CwReference? Subcategory { get; set; }

        [JsonPropertyName("category")]
        public CwReference? Category { get; set; }

        [JsonPropertyName("type")]
        public CwReference? Type { get; set; }

        [JsonPropertyName("productClass")]
        public string? ProductClass { get; set; }

        [JsonPropertyName("price")]
        public decimal? Price { get; set; }

        [JsonPropertyName("cost")]
        public decimal? Cost { get; set; }

        [JsonPropertyName("recurringFlag")]
        public bool? RecurringFlag { get; set; }

        [JsonPropertyName("manufacturerPartNumber")]
        public string? ManufacturerPartNumber { get; set; }

        [JsonPropertyName("_info")]
        public CwInfo? Info { get; set; }
    }

    public sealed class CwContact
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("firstName")]
        public string? FirstName { get; set; }

        [JsonPropertyName("lastName")]
        public string? LastName { get; set; }

        [JsonPropertyName("company")]
        public CwReference? Company { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }

        [JsonPropertyName("inactiveFlag")]
        public bool? InactiveFlag { get; set; }

        [JsonPropertyName("defaultPhoneNbr")]
        public string? DefaultPhoneNbr { get; set; }

        [JsonPropertyName("communicationItems")]
        public List<CwCommunicationItem>? CommunicationItems { get; set; }

        [JsonPropertyName("_info")]
        public CwInfo? Info { get; set; }
    }

    public sealed class CwCommunicationItem
    {
        [JsonPropertyName("id")]
        public long? Id { get; set; }

        [JsonPropertyName("type")]
        public CwReference? Type { get; set; }

        [JsonPropertyName("value")]
        public string? Value { get; set; }

        [JsonPropertyName("defaultFlag")]
        public bool? DefaultFlag { get; set; }

        [JsonPropertyName("communicationType")]
        public string? CommunicationType { get; set; }
    }

    public sealed class CwSecurityRoleSetting
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("addLevel")]
        public string? AddLevel { get; set; }

        [JsonPropertyName("editLevel")]
        public string? EditLevel { get; set; }

        [JsonPropertyName("deleteLevel")]
        public string? DeleteLevel { get; set; }

        [JsonPropertyName("inquireLevel")]
        public string? InquireLevel { get; set; }

        [JsonPropertyName("moduleFunctionName")]
        public string? ModuleFunctionName { get; set; }

        [JsonPropertyName("moduleFunctionDescription")]
        public string? ModuleFunctionDescription { get; set; }

        [JsonPropertyName("moduleFunctionIdentifier")]
        public string? ModuleFunctionIdentifier { get; set; }

        [JsonPropertyName("moduleDescription")]
        public string? ModuleDescription { get; set; }

        [JsonPropertyName("moduleIdentifier")]
        public string? ModuleIdentifier { get; set; }

        [JsonPropertyName("moduleName")]
        public string? ModuleName { get; set; }
    }

    public sealed class CwSystemInfo
    {
        [JsonPropertyName("version")]
        public string? Version { get; set; }

        [JsonPropertyName("isCloud")]
        public bool? IsCloud { get; set; }

        [JsonPropertyName("serverTimeZone")]
        public string? ServerTimeZone { get; set; }

        [JsonPropertyName("cloudRegion")]
        public string? CloudRegion { get; set; }
    }

    public sealed class CwBundleRequest
    {
        [JsonPropertyName("sequenceNumber")]
        public int SequenceNumber { get; set; }

        [JsonPropertyName("resourceType")]
        public string ResourceType { get; set; } = string.Empty;

        [JsonPropertyName("version")]
        public string Version { get; set; } = "2025.1";

        [JsonPropertyName("apiRequest")]
        public CwApiRequest ApiRequest { get; set; } = new CwApiRequest();
    }

    public sealed class CwApiRequest
    {
        [JsonPropertyName("id")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? Id { get; set; }

        [JsonPropertyName("parentId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public long? ParentId { get; set; }

        [JsonPropertyName("filters")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public CwFilterValues? Filters { get; set; }

        [JsonPropertyName("page")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public CwPageValues? Page { get; set; }

        [JsonPropertyName("fields")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Fields { get; set; }
    }

    public sealed class CwFilterValues
    {
        [JsonPropertyName("conditions")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Conditions { get; set; }

        [JsonPropertyName("orderBy")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? OrderBy { get; set; }

        [JsonPropertyName("childconditions")]
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? ChildConditions { get; set; }
    }

    public sealed class CwPageValues
    {
        [JsonPropertyName("page")]
        public int Page { get; set; } = 1;

        [JsonPropertyName("pageSize")]
        public int PageSize { get; set; } = ListQuery.MaxPageSize;
    }

    public sealed class CwBundleRequests
    {
        [JsonPropertyName("requests")]
        public List<CwBundleRequest> Requests { get; set; } = new List<CwBundleRequest>();
    }

    public sealed class CwBundleResults
    {
        [JsonPropertyName("results")]
        public List<CwBundleResult>? Results { get; set; }
    }

    public sealed class CwBundleResult
    {
        [JsonPropertyName("sequenceNumber")]
        public int SequenceNumber { get; set; }

        [JsonPropertyName("resourceType")]
        public string? ResourceType { get; set; }

        [JsonPropertyName("entities")]
        public List<JsonElement>? Entities { get; set; }

        [JsonPropertyName("count")]
        public long? Count { get; set; }

        [JsonPropertyName("success")]
        public bool? Success { get; set; }

        [JsonPropertyName("statusCode")]
        public int? StatusCode { get; set; }

        [JsonPropertyName("error")]
        public CwError? Error { get; set; }
    }
#pragma warning restore SA1402
}
