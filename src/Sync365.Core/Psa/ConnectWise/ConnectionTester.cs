using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Sync365.Core.Psa.ConnectWise
{
    /// <summary>
    /// Proves an API member is fit for Sync365: reads its own role (/system/mySecurity), compares it line by line
    /// with the set-up guide's role, and confirms each Inquire right with a count request (which also gives the
    /// numbers of companies, agreements and products). Add and Edit rights are judged from the role only: proving
    /// them would mean writing to the PSA.
    /// </summary>
    public static class ConnectionTester
    {
        private const string RolePath = "System › Security Roles";

        public static async Task<ConnectionTestResult> TestAsync(ConnectWiseClient client, string? connectionName, CancellationToken ct)
        {
            var watch = Stopwatch.StartNew();
            var infoTask = client.GetAsync<CwSystemInfo>("system/info", ct);
            var securityTask = ReadSecurityAsync(client, ct);
            var probePaths = CwRequiredRights.Role.Select(r => r.Probe)
                .Concat(CwRequiredRights.TableSetupMinimum.Select(t => t.Probe))
                .Where(p => p != null)
                .Select(p => p!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var probeTasks = probePaths.ToDictionary(p => p, p => ProbeAsync(client, p, ct), StringComparer.OrdinalIgnoreCase);

            // system/info is the connection itself: if it fails, that is the answer (an error that says what to fix).
            var info = await infoTask.ConfigureAwait(false);
            var (settings, securityError) = await securityTask.ConfigureAwait(false);
            await Task.WhenAll(probeTasks.Values).ConfigureAwait(false);
            var probes = probeTasks.ToDictionary(p => p.Key, p => p.Value.Result, StringComparer.OrdinalIgnoreCase);

            var permissions = CwRequiredRights.Role.Select(r => Evaluate(r, settings, securityError, r.Probe == null ? null : probes[r.Probe])).ToList();
            var tables = CwRequiredRights.TableSetupMinimum.Select(t => EvaluateTable(t, t.Probe == null ? null : probes[t.Probe])).ToList();

            long? CountOf(string path) => probes.TryGetValue(path, out var p) ? p.Count : null;
            return new ConnectionTestResult
            {
                Success = permissions.All(p => p.Status != CheckStatus.Fail) && tables.All(t => t.Status != CheckStatus.Fail),
                Server = client.SiteRoot.GetLeftPart(UriPartial.Authority),
                CompanyId = client.CompanyId,
                Codebase = client.Codebase.TrimEnd('/'),
                ApiVersion = info?.Version ?? client.Info.VersionCode,
                IsCloud = info?.IsCloud ?? client.Info.IsCloud,
                CompanyCount = CountOf("company/companies/count"),
                AgreementCount = CountOf("finance/agreements/count"),
                ProductCount = CountOf("procurement/catalog/count"),
                SecurityReadable = settings != null,
                Permissions = permissions,
                TableSetup = tables,
                Elapsed = watch.Elapsed,
                ConnectionName = connectionName,
            };
        }

        internal static PermissionCheck Evaluate(RequiredRight right, IReadOnlyList<CwSecurityRoleSetting>? settings, PsaApiException? securityError, ProbeResult? probe)
        {
            var row = new PermissionCheck
            {
                Module = right.Module,
                Function = right.Function,
                Required = right.RequiredText,
                UsedFor = right.UsedFor,
                Probe = probe?.Text,
            };
            var line = right.Module + " › " + right.Function;
            var probeDenied = probe != null && probe.StatusCode == 403;
            if (settings != null)
            {
                var setting = CwRequiredRights.Find(settings, right);
                row.Granted = setting == null
                    ? "not in the role"
                    : string.Join(", ", right.Levels.Select(l => l + " " + (CwRequiredRights.LevelOf(setting, l) ?? "None")));
                var missing = right.Levels.Where(l => !CwRequiredRights.IsAll(CwRequiredRights.LevelOf(setting, l))).ToList();
                if (missing.Count > 0)
                {
                    row.Status = CheckStatus.Fail;
                    row.Missing = missing.Select(m => m.ToString()).ToArray();
                    row.Fix = $"Set {line}: {Levels(missing)} to All ({RolePath}, the API member's role).";
                    return row;
                }

                if (probeDenied)
                {
                    // The role says yes, the API says no: a restriction the role's levels do not show.
                    row.Status = CheckStatus.Fail;
                    row.Missing = new[] { RoleLevel.Inquire.ToString() };
                    row.Fix = $"ConnectWise refused {probe!.Request} (403) although the role grants {line}: Inquire All. In {RolePath}, check the line's Customize restrictions (for Finance › Agreements: allow every agreement type, parents included) and give the API member a department without restrictions.";
                    return row;
                }

                row.Status = CheckStatus.Pass;
                return row;
            }

            // The role could not be read: only the probes can tell, and only about Inquire.
            var why = securityError == null ? "the role could not be read" : $"/system/mySecurity answered {securityError.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "with an error"}";
            if (probeDenied)
            {
                row.Status = CheckStatus.Fail;
                row.Missing = new[] { RoleLevel.Inquire.ToString() };
                row.Fix = $"Set {line}: Inquire Level to All ({RolePath}, the API member's role); ConnectWise refused {probe!.Request} with 403.";
            }
            else if (probe != null && probe.Succeeded && right.Levels.All(l => l == RoleLevel.Inquire))
            {
                row.Status = CheckStatus.Pass;
            }
            else
            {
                row.Status = CheckStatus.Unknown;
                row.Fix = $"Sync365 could not confirm this line ({why}). In {RolePath}, check that {line} is set to {right.RequiredText}.";
            }

            return row;
        }

        internal static TableSetupCheck EvaluateTable(RequiredTable table, ProbeResult? probe)
        {
            var row = new TableSetupCheck { Table = table.Table, Probe = probe?.Text };
            if (probe == null)
            {
                row.Status = CheckStatus.Unknown;
                row.Fix = $"The API cannot show whether this table is allowed. If System › Table Setup is restricted in the role (Customize), make sure {table.Table} is selected.";
            }
            else if (probe.Succeeded)
            {
                row.Status = CheckStatus.Pass;
            }
            else if (probe.StatusCode == 403)
            {
                row.Status = CheckStatus.Fail;
                row.Fix = $"Set System › Table Setup: Inquire Level to All ({RolePath}, the API member's role); if Table Setup is restricted (Customize), select {table.Table}.";
            }
            else
            {
                row.Status = CheckStatus.Unknown;
                row.Fix = $"Sync365 could not read {table.Table} ({probe.Text}). If System › Table Setup is restricted in the role (Customize), make sure {table.Table} is selected.";
            }

            return row;
        }

        private static string Levels(IReadOnlyList<RoleLevel> levels)
        {
            var names = levels.Select(l => l + " Level").ToList();
            return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[names.Count - 1];
        }

        private static Task<(IReadOnlyList<CwSecurityRoleSetting>? Settings, PsaApiException? Error)> ReadSecurityAsync(ConnectWiseClient client, CancellationToken ct) =>
            Task.Run<(IReadOnlyList<CwSecurityRoleSetting>?, PsaApiException?)>(() =>
            {
                try
                {
                    var all = new List<CwSecurityRoleSetting>();
                    foreach (var page in client.ListPages<CwSecurityRoleSetting>("system/mySecurity", new ListQuery { ForwardOnly = false }, ct))
                    {
                        all.AddRange(page);
                    }

                    return (all, null);
                }
                catch (PsaApiException ex) when (ex.Kind != PsaErrorKind.Authentication && ex.Kind != PsaErrorKind.Network)
                {
                    return (null, ex);
                }
            }, ct);

        private static async Task<ProbeResult> ProbeAsync(ConnectWiseClient client, string path, CancellationToken ct)
        {
            var resource = path.EndsWith("/count", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 6) : path;
            try
            {
                var count = await client.CountAsync(resource, null, ct).ConfigureAwait(false);
                return new ProbeResult(path, 200, count);
            }
            catch (PsaApiException ex) when (ex.Kind != PsaErrorKind.Authentication && ex.Kind != PsaErrorKind.Network)
            {
                return new ProbeResult(path, ex.StatusCode, null);
            }
        }

        internal sealed class ProbeResult
        {
            public ProbeResult(string path, int? statusCode, long? count)
            {
                Path = path;
                StatusCode = statusCode;
                Count = count;
            }

            public string Path { get; }

            public int? StatusCode { get; }

            public long? Count { get; }

            public bool Succeeded => StatusCode == 200;

            public string Request => "GET " + Path;

            public string Text => Request + " → " + (StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error") + (Count.HasValue ? $" ({Count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : string.Empty);
        }
    }
}
