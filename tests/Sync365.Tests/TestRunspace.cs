using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Sync365.Simulator;

namespace Sync365.Tests;

/// <summary>The one way cmdlet tests get a runspace: Sync365's cmdlets, connected to a simulator.</summary>
internal static class TestRunspace
{
    /// <summary>
    /// The cmdlets are added by type rather than by importing Sync365.dll: the module initializer expects the staged
    /// dependencies/ folder, which a test bin does not have (the Pester layer tests the staged module).
    /// </summary>
    public static Runspace OpenConnected(SimulatorHost sim, bool limited = false)
    {
        var iss = InitialSessionState.CreateDefault2();
        foreach (var type in typeof(Sync365.Commands.S365Cmdlet).Assembly.GetTypes().Where(t => typeof(Cmdlet).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var attribute = (CmdletAttribute)type.GetCustomAttributes(typeof(CmdletAttribute), false).Single();
            iss.Commands.Add(new SessionStateCmdletEntry(attribute.VerbName + "-" + attribute.NounName, type, null));
        }

        var runspace = RunspaceFactory.CreateRunspace(iss);
        runspace.Open();
        using var ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript("Connect-S365Psa -Server $url -CompanyId $company -PublicKey $pub -PrivateKey (ConvertTo-SecureString $priv -AsPlainText -Force) -ClientId $clientId");
        runspace.SessionStateProxy.SetVariable("url", sim.BaseUrl.ToString().TrimEnd('/'));
        runspace.SessionStateProxy.SetVariable("company", Scenarios.DemoCompanyId);
        runspace.SessionStateProxy.SetVariable("pub", limited ? Scenarios.LimitedPublicKey : Scenarios.FullPublicKey);
        runspace.SessionStateProxy.SetVariable("priv", limited ? Scenarios.LimitedPrivateKey : Scenarios.FullPrivateKey);
        runspace.SessionStateProxy.SetVariable("clientId", Scenarios.DemoClientId);
        ps.Invoke();
        if (ps.HadErrors)
        {
            runspace.Dispose();
            throw new InvalidOperationException("Connect-S365Psa failed: " + string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
        }

        return runspace;
    }
}
