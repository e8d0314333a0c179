namespace Sync365.Core.Tests; public class Smoke { [Xunit.Fact] public void Loads() => Xunit.Assert.NotNull(typeof(Sync365.Core.Placeholder)); }
