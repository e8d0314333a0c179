using System.Management.Automation;
using Sync365.Init;

namespace Sync365
{
    /// <summary>
    /// Runs when Sync365.dll is imported and removed. It makes Sync365.Core and the libraries it needs
    /// (Polly, System.Text.Json, ...) load from the module's <c>dependencies/</c> folder, isolated from
    /// whatever other modules in the same session have loaded.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        public void OnImport() => DependencyResolver.Install();

        public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Uninstall();
    }
}
