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
            Types = c.Types?.Select(t => t.Name ?? string.Empty).Where(n => n.Length > 0).ToArray() ?? System.Array.Empty<string>(),
            City = c.City,
            State = c.State,
            Country = c.Country?.Name,
            PhoneNumber = c.PhoneNumber,
            Website = c.Website,
            LastUpdated = c.Info?.LastUpdated,
            PsaUrl = client.RecordUrl("CompanyFV", c.Id),
            ConnectionName = connectionName,
        };
    }
}
