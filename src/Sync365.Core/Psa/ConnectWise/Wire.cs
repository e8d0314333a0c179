using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sync365.Core.Psa.ConnectWise
{
    // Wire shapes of the ConnectWise REST API (field names as in the API's own models). Only what Sync365 reads.
#pragma warning disable SA1402, CA1812
    public class CwReference
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("identifier")]
        public string? Identifier { get; set; }
    }

    public sealed class CwInfo
    {
        [JsonPropertyName("lastUpdated")]
        public DateTimeOffset? LastUpdated { get; set; }

        [JsonPropertyName("updatedBy")]
        public string? UpdatedBy { get; set; }
    }

    public sealed class CwCompany
    {
        [JsonPropertyName("id")]
        public long Id { get; set; }

        [JsonPropertyName("identifier")]
        public string? Identifier { get; set; }

        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("status")]
        public CwReference? Status { get; set; }

        [JsonPropertyName("types")]
        public List<CwReference>? Types { get; set; }

        [JsonPropertyName("addressLine1")]
        public string? AddressLine1 { get; set; }

        [JsonPropertyName("city")]
        public string? City { get; set; }

        [JsonPropertyName("state")]
        public string? State { get; set; }

        [JsonPropertyName("zip")]
        public string? Zip { get; set; }

        [JsonPropertyName("country")]
        public CwReference? Country { get; set; }

        [JsonPropertyName("phoneNumber")]
        public string? PhoneNumber { get; set; }

        [JsonPropertyName("website")]
        public string? Website { get; set; }

        [JsonPropertyName("deletedFlag")]
        public bool? DeletedFlag { get; set; }

        [JsonPropertyName("_info")]
        public CwInfo? Info { get; set; }
    }

    public sealed class CwCount
    {
        [JsonPropertyName("count")]
        public long Count { get; set; }
    }

    public sealed class CwError
    {
        [JsonPropertyName("code")]
        public string? Code { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonPropertyName("errors")]
        public List<CwValidationError>? Errors { get; set; }
    }

    public sealed class CwValidationError
    {
        [JsonPropertyName("code")]
        public string? Code { get; set; }

        [JsonPropertyName("message")]
        public string? Message { get; set; }

        [JsonPropertyName("resource")]
        public string? Resource { get; set; }

        [JsonPropertyName("field")]
        public string? Field { get; set; }
    }

    public sealed class CwPatchOperation
    {
        public CwPatchOperation(string op, string path, object? value)
        {
            Op = op;
            Path = path;
            Value = value;
        }

        [JsonPropertyName("op")]
        public string Op { get; }

        [JsonPropertyName("path")]
        public string Path { get; }

        [JsonPropertyName("value")]
        public object? Value { get; }
    }

    internal static class CwJson
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
    }
#pragma warning restore SA1402, CA1812
}
