namespace Sync365.Tests; public class Smoke { [Xunit.Fact] public void Loads() => Xunit.Assert.NotNull(typeof(System.Management.Automation.PowerShell)); }
