namespace Sync365.Simulator.Tests; public class Smoke { [Xunit.Fact] public void Loads() => Xunit.Assert.True(true.Equals(true)); }
